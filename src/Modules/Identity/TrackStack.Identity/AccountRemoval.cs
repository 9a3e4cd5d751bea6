namespace TrackStack.Identity;

/// <summary>Deleting an account, shared by DELETE /api/me and the operator CLI: every session ends (its access tokens
/// stop working at once), the user and its logins, tokens, claims and e-mail links are deleted, and UserDeleted is
/// published, all in one transaction (transactional outbox).</summary>
internal sealed class AccountRemoval(IdentityDb db, UserManager<User> users, SessionService sessions, TimeProvider clock, ILogger<AccountRemoval> logger)
{
    public async Task DeleteAsync(User user, string by, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await sessions.DeleteAllAsync(user.Id, ct);
        await db.EmailTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        db.PublishEvent(new UserDeleted(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, user.Id));
        var deleted = await users.DeleteAsync(user); // saves the outbox message with the deletion
        if (!deleted.Succeeded) throw new InvalidOperationException(string.Join("; ", deleted.Errors.Select(e => e.Description)));
        await tx.CommitAsync(ct);
        logger.LogInformation("Account {UserId} was deleted by {By}", user.Id, by);
    }
}
