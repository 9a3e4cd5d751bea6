namespace TrackStack.BuildingBlocks.Auth;

/// <summary>What the token check knows about a request: the session and user its access token names, and the
/// token itself (a remote implementation presents it to the Identity service).</summary>
public readonly record struct SessionCheck(Guid SessionId, Guid UserId, string AccessToken);

/// <summary>Port consulted for every request that carries a valid access token: is the token's session still active?
/// The Identity module answers in-process (its own revocations take effect at once); a service without it asks the
/// Identity service (TrackStack__Services__IdentityUrl). Either way answers are cached for at most
/// <see cref="SessionValidityCache.MaxAge"/>, so a session ended anywhere stops working everywhere within 5 seconds.
/// Implementations throw when they cannot tell; the request is then refused (fail closed).</summary>
public interface ISessionValidity
{
    ValueTask<bool> IsActiveAsync(SessionCheck check, CancellationToken ct);
}
