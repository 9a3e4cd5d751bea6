namespace TrackStack.BuildingBlocks.Http;

public static class RateLimitPolicies
{
    /// <summary>Register, login, refresh and password reset: a fixed window per client address.</summary>
    public const string Auth = "auth";
}
