namespace TrackStack.Identity;

/// <summary>Creating accounts, shared by sign-up, the operator CLI and first external sign-in.</summary>
internal sealed class UserAccounts(UserManager<User> users, IdentityDb db, TimeProvider clock)
{
    /// <summary><paramref name="EmailTaken"/>: the only problem is that the address already has an account.</summary>
    public sealed record CreateResult(User? User, FieldErrors? Errors, bool EmailTaken = false);

    public async Task<CreateResult> CreateAsync(string? rawEmail, string? password, string? displayName, bool emailVerified, CancellationToken ct,
        UserLoginInfo? externalLogin = null)
    {
        var email = AccountRules.NormalizeEmail(rawEmail);
        var errors = new FieldErrors();
        AccountRules.CheckEmail(errors, email);
        AccountRules.CheckDisplayName(errors, displayName);
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            UserName = email,
            DisplayName = displayName?.Trim() ?? "",
            EmailConfirmed = emailVerified,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        if (externalLogin is null) await AccountRules.CheckPasswordAsync(errors, users, user, password);
        if (!errors.Any && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add("email", "An account with this e-mail address already exists. Sign in, or reset your password.");
            return new CreateResult(null, errors, EmailTaken: true);
        }
        if (errors.Any) return new CreateResult(null, errors);

        // One transaction: the user row and the UserRegistered event commit together (transactional outbox).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = externalLogin is null ? await users.CreateAsync(user, password!) : await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
            {
                errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
            }
            return new CreateResult(null, errors);
        }
        if (externalLogin is not null)
        {
            var linked = await users.AddLoginAsync(user, externalLogin);
            if (!linked.Succeeded) throw new InvalidOperationException(string.Join("; ", linked.Errors.Select(e => e.Description)));
        }
        db.PublishEvent(new UserRegistered(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, user.Id, email, user.DisplayName));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CreateResult(user, null);
    }
}
