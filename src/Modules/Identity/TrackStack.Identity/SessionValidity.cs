namespace TrackStack.Identity;

/// <summary>The Identity module's answer to <see cref="ISessionValidity"/>: an in-memory cache of recent answers in
/// front of the sessions table. Revocations made by this process (<see cref="SessionService"/>) mark the session ended
/// at once; one made elsewhere (another replica, the operator CLI) is seen when the cached answer expires, within
/// <see cref="SessionValidityCache.MaxAge"/>.</summary>
internal sealed class SessionValidity(IServiceScopeFactory scopes, TimeProvider clock) : ISessionValidity
{
    private readonly SessionValidityCache _cache = new(clock);

    public ValueTask<bool> IsActiveAsync(SessionCheck check, CancellationToken ct) =>
        _cache.TryGet(check.SessionId, out var active) ? ValueTask.FromResult(active) : new ValueTask<bool>(LoadAsync(check, ct));

    public void MarkEnded(Guid sessionId) => _cache.MarkEnded(sessionId);

    /// <summary>Straight from the database, bypassing the cache (the check other services ask).</summary>
    public static Task<bool> IsActiveInDatabaseAsync(IdentityDb db, Guid sessionId, Guid userId, CancellationToken ct) =>
        db.Sessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, ct);

    private async Task<bool> LoadAsync(SessionCheck check, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var active = await IsActiveInDatabaseAsync(scope.ServiceProvider.GetRequiredService<IdentityDb>(), check.SessionId, check.UserId, ct);
        _cache.Set(check.SessionId, active);
        return active;
    }
}
