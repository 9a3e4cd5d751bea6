namespace TrackStack.Identity.Infrastructure;

/// <summary>Rejects a password that is, or contains, the account's own e-mail name.</summary>
internal sealed class NotEmailPasswordValidator : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var local = user.Email?.Split('@')[0];
        if (password is not null && !string.IsNullOrEmpty(local) && local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "Passwords must not contain your e-mail name." }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
