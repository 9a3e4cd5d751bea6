namespace TrackStack.Identity;

internal static class EmailTokenStore
{
    /// <summary>Consumes a link token: returns its user when the token exists, has this purpose, is unused
    /// and unexpired, and marks it used (the caller saves).</summary>
    public static async Task<User?> ConsumeAsync(this IdentityDb db, string token, EmailTokenPurpose purpose, DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = SecretToken.Hash(token.Trim());
        var row = await db.EmailTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, ct);
        if (row is null || row.UsedAt is not null || row.ExpiresAt <= now) return null;
        row.UsedAt = now;
        return await db.Users.FirstOrDefaultAsync(u => u.Id == row.UserId, ct);
    }
}
