using System.Net.Mail;

namespace TrackStack.Identity;

internal static class AccountRules
{
    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public static void CheckEmail(FieldErrors errors, string email, string field = "email")
    {
        if (email.Length == 0) { errors.Add(field, "Enter your e-mail address."); return; }
        var ok = email.Length <= 254 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);
        errors.Check(ok, field, "This is not a valid e-mail address.");
    }

    public static void CheckDisplayName(FieldErrors errors, string? name, string field = "displayName")
    {
        var trimmed = name?.Trim() ?? "";
        errors.Check(trimmed.Length is >= 1 and <= 100, field, "Enter a name of 1 to 100 characters.");
    }

    /// <summary>Runs Identity's password validators (length, unique characters, not the e-mail name) and
    /// reports each failure as a sentence the user understands.</summary>
    public static async Task CheckPasswordAsync(FieldErrors errors, UserManager<User> users, User user, string? password, string field = "password")
    {
        if (string.IsNullOrEmpty(password)) { errors.Add(field, "Enter a password."); return; }
        if (password.Length > 256) { errors.Add(field, "Passwords must be at most 256 characters."); return; }
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var error in result.Errors) errors.Add(field, error.Description);
        }
    }

    public static UserResponse ToResponse(this User user) => new(user.Id, user.Email ?? "", user.DisplayName, user.EmailConfirmed);
}
