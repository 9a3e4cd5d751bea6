namespace TrackStack.BuildingBlocks.Modules;

/// <summary>A path the module owns, for the gateway of the distributed topology (ADR 32): the gateway sends
/// <see cref="Path"/> and everything below it to the module's service. <see cref="Path"/> is a route template
/// (<c>/api/households/{householdId}/expenses</c>); the most specific template wins, so a module may own a path below
/// another module's (<c>/api/households/{householdId}/expenses</c> below Households' <c>/api/households</c>).</summary>
public sealed record ModuleRoute(string Path, EdgeLimit Limit = EdgeLimit.None)
{
    /// <summary>The module's household data, <c>/api/households/{householdId}/&lt;module&gt;</c> (see MapHouseholdGroup).</summary>
    public static ModuleRoute HouseholdData(string module) => new($"/api/households/{{householdId}}/{module}");
}

/// <summary>Which of the gateway's per-client rate limits applies to a route (services keep their own limits too).</summary>
public enum EdgeLimit
{
    None,

    /// <summary>Sign-in, registration, token refresh and password reset: guesses at passwords and e-mail floods.</summary>
    Credentials,

    /// <summary>Data points pushed with an API key.</summary>
    Ingest,
}
