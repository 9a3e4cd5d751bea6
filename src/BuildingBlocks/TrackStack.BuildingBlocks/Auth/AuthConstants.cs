namespace TrackStack.BuildingBlocks.Auth;

public static class AuthConstants
{
    public const string Scheme = "TrackStack";
    public const string AccessCookie = "ts_access";
    public const string RefreshCookie = "ts_refresh";
    public const string RefreshCookiePath = "/api/auth";
    public const string XsrfCookie = "XSRF-TOKEN";
    public const string XsrfHeader = "X-XSRF-TOKEN";
    public const string Issuer = "trackstack";
    public const string Audience = "trackstack";

    /// <summary>Claim types carried by the access token.</summary>
    public const string UserIdClaim = "sub";
    public const string SessionIdClaim = "sid";
    public const string EmailClaim = "email";
    public const string NameClaim = "name";
}
