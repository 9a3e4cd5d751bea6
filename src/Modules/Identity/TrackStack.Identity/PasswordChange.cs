namespace TrackStack.Identity;

internal static class PasswordChange
{
    /// <summary>Stores a new hash (already validated) and a new security stamp, and voids every reset link still
    /// waiting in a mailbox.</summary>
    public static async Task ApplyAsync(UserManager<User> users, IdentityDb db, User user, string password)
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        await users.UpdateSecurityStampAsync(user);
        var now = DateTime.UtcNow;
        await db.EmailTokens.Where(t => t.UserId == user.Id && t.Purpose == EmailTokenPurpose.ResetPassword && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now));
    }
}
