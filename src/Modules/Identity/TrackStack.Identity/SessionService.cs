using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TrackStack.Identity;

internal sealed record IssuedSession(Guid SessionId, string AccessToken, DateTime AccessExpiresAt, string RefreshToken, DateTime RefreshExpiresAt, string Xsrf);

/// <summary>Starts, rotates and revokes sessions: a short-lived signed access token plus a rotating refresh
/// token whose reuse revokes the whole family. Every revocation also tells <see cref="SessionValidity"/>, so the
/// session's access tokens stop working at once.</summary>
internal sealed class SessionService(
    IdentityDb db,
    SigningKeys keys,
    XsrfToken xsrf,
    SessionValidity validity,
    IOptions<TrackStackOptions> options,
    TimeProvider clock,
    ILogger<SessionService> logger)
{
    private static readonly JsonWebTokenHandler Tokens = new();
    private AuthOptions Auth => options.Value.Auth;

    public async Task<IssuedSession> StartAsync(User user, HttpContext? http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new Session
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            UserAgent = Truncate(http?.Request.Headers.UserAgent.ToString(), 200),
            IpPrefix = IpPrefix(http?.Connection.RemoteIpAddress),
        };
        db.Sessions.Add(session);
        var (refresh, refreshExpires) = AddRefreshToken(session.Id, now);
        user.LastLoginAt = now;
        await db.SaveChangesAsync(ct);
        return Issue(user, session.Id, refresh, refreshExpires, now);
    }

    public async Task<(RefreshDecision Decision, IssuedSession? Session)> RefreshAsync(string presented, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = SecretToken.Hash(presented);
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        var session = token is null ? null : await db.Sessions.FirstOrDefaultAsync(s => s.Id == token.SessionId, ct);
        var decision = RefreshRules.Decide(token is not null && session is not null, token?.UsedAt, token?.ExpiresAt ?? now, session?.RevokedAt, now);
        switch (decision)
        {
            case RefreshDecision.ReuseDetected:
                session!.RevokedAt = now;
                session.RevokedReason = "refresh-token-reuse";
                validity.MarkEnded(session.Id);
                await db.SaveChangesAsync(ct);
                logger.LogWarning("A rotated refresh token was presented again; session {SessionId} of user {UserId} is revoked", session.Id, session.UserId);
                return (decision, null);
            case RefreshDecision.Rotate:
                var user = await db.Users.FirstOrDefaultAsync(u => u.Id == session!.UserId, ct);
                if (user is null) return (RefreshDecision.Unknown, null);
                token!.UsedAt = now;
                session!.LastSeenAt = now;
                var (refresh, refreshExpires) = AddRefreshToken(session.Id, now);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // A parallel request rotated the same token a moment earlier: this one loses, without revoking.
                    return (RefreshDecision.Unknown, null);
                }
                return (decision, Issue(user, session.Id, refresh, refreshExpires, now));
            default:
                return (decision, null);
        }
    }

    /// <summary>The session a refresh token belongs to, without using it (logout, anti-CSRF check).</summary>
    public async Task<Session?> FindSessionAsync(string presented, CancellationToken ct)
    {
        var hash = SecretToken.Hash(presented);
        var sessionId = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.SessionId).FirstOrDefaultAsync(ct);
        return sessionId is null ? null : await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
    }

    public async Task RevokeAsync(Guid sessionId, string reason, CancellationToken ct)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || session.RevokedAt is not null) return;
        session.RevokedAt = clock.GetUtcNow().UtcDateTime;
        session.RevokedReason = reason;
        validity.MarkEnded(session.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends every session of the user except <paramref name="keep"/> (the device that just changed the
    /// password keeps working). Their access tokens stop working in this process at once.</summary>
    public async Task RevokeAllAsync(Guid userId, string reason, CancellationToken ct, Guid? keep = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var s in await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != keep).ToListAsync(ct))
        {
            s.RevokedAt = now;
            s.RevokedReason = reason;
            validity.MarkEnded(s.Id);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends and deletes every session of the user with its refresh tokens (account removal; the caller
    /// holds the transaction).</summary>
    public async Task DeleteAllAsync(Guid userId, CancellationToken ct)
    {
        var ids = await db.Sessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(ct);
        foreach (var id in ids) validity.MarkEnded(id);
        await db.RefreshTokens.Where(t => ids.Contains(t.SessionId)).ExecuteDeleteAsync(ct);
        await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
    }

    public void WriteCookies(HttpContext http, IssuedSession s)
    {
        var secure = http.Request.IsHttps;
        http.Response.Cookies.Append(AuthConstants.AccessCookie, s.AccessToken, new CookieOptions
        {
            HttpOnly = true, Secure = secure, SameSite = SameSiteMode.Lax, Path = "/", Expires = s.AccessExpiresAt,
        });
        http.Response.Cookies.Append(AuthConstants.RefreshCookie, s.RefreshToken, new CookieOptions
        {
            HttpOnly = true, Secure = secure, SameSite = SameSiteMode.Strict, Path = AuthConstants.RefreshCookiePath, Expires = s.RefreshExpiresAt,
        });
        http.Response.Cookies.Append(AuthConstants.XsrfCookie, s.Xsrf, new CookieOptions
        {
            HttpOnly = false, Secure = secure, SameSite = SameSiteMode.Strict, Path = "/", Expires = s.RefreshExpiresAt,
        });
    }

    public static void ClearCookies(HttpContext http)
    {
        var secure = http.Request.IsHttps;
        http.Response.Cookies.Delete(AuthConstants.AccessCookie, new CookieOptions { Path = "/", Secure = secure, HttpOnly = true });
        http.Response.Cookies.Delete(AuthConstants.RefreshCookie, new CookieOptions { Path = AuthConstants.RefreshCookiePath, Secure = secure, HttpOnly = true });
        http.Response.Cookies.Delete(AuthConstants.XsrfCookie, new CookieOptions { Path = "/", Secure = secure });
    }

    private (string Token, DateTime ExpiresAt) AddRefreshToken(Guid sessionId, DateTime now)
    {
        var token = SecretToken.Create();
        var expires = now.AddDays(Auth.RefreshTokenDays);
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(),
            SessionId = sessionId,
            TokenHash = SecretToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = expires,
        });
        return (token, expires);
    }

    private IssuedSession Issue(User user, Guid sessionId, string refresh, DateTime refreshExpires, DateTime now)
    {
        var expires = now.AddMinutes(Auth.AccessTokenMinutes);
        var access = Tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthConstants.Issuer,
            Audience = AuthConstants.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Subject = new ClaimsIdentity(
            [
                new Claim(AuthConstants.UserIdClaim, user.Id.ToString()),
                new Claim(AuthConstants.SessionIdClaim, sessionId.ToString()),
                new Claim(AuthConstants.EmailClaim, user.Email ?? ""),
                new Claim(AuthConstants.NameClaim, user.DisplayName),
            ]),
            SigningCredentials = new SigningCredentials(keys.SecurityKey, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedSession(sessionId, access, expires, refresh, refreshExpires, xsrf.For(sessionId.ToString()));
    }

    private static string? Truncate(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];

    /// <summary>Only the network part is kept (/24 for IPv4, /64 for IPv6): enough to recognise a device's
    /// network in the session list without storing the full address.</summary>
    private static string? IpPrefix(IPAddress? ip)
    {
        if (ip is null) return null;
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        var bytes = ip.GetAddressBytes();
        if (bytes.Length == 4) return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
