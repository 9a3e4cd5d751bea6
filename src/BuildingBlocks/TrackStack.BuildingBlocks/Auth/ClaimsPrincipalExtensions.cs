using System.Security.Claims;

namespace TrackStack.BuildingBlocks.Auth;

public static class ClaimsPrincipalExtensions
{
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(AuthConstants.UserIdClaim)?.Value, out var id)
            ? id
            : throw new InvalidOperationException("The request has no authenticated user.");

    public static Guid? GetSessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(AuthConstants.SessionIdClaim)?.Value, out var id) ? id : null;

    public static string GetEmail(this ClaimsPrincipal user) => user.FindFirst(AuthConstants.EmailClaim)?.Value ?? "";

    public static string GetDisplayName(this ClaimsPrincipal user) => user.FindFirst(AuthConstants.NameClaim)?.Value ?? "";
}
