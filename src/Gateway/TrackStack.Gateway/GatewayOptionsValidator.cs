using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Modules;

namespace TrackStack.Gateway;

/// <summary>Checked when the gateway is built, before any route exists, so a wrong value stops it with the setting's name.</summary>
internal sealed class GatewayOptionsValidator(IReadOnlyList<ModuleDefinition> catalogue) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions o)
    {
        var errors = new List<string>();
        foreach (var (module, url) in o.Modules)
        {
            if (!catalogue.Any(m => m.Name.Equals(module, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"TrackStack__Gateway__Modules__{module}: there is no module '{module}'. Known: {string.Join(", ", catalogue.Select(m => m.Name))}.");
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
            {
                errors.Add($"TrackStack__Gateway__Modules__{module}: '{url}' is not the base URL of a service, e.g. http://expenses:8080.");
            }
        }
        if (o.Modules.Count == 0)
        {
            errors.Add("TrackStack__Gateway__Modules__<module>: give at least one module its service's URL, e.g. TrackStack__Gateway__Modules__identity=http://identity:8080.");
        }
        if (o.HealthTimeoutSeconds is < 1 or > 60) errors.Add("TrackStack__Gateway__HealthTimeoutSeconds: must be between 1 and 60.");
        if (o.RateLimits.AuthPerMinute is < 1 or > 100000) errors.Add("TrackStack__Gateway__RateLimits__AuthPerMinute: must be between 1 and 100000.");
        if (o.RateLimits.IngestPerMinute is < 1 or > 10000000) errors.Add("TrackStack__Gateway__RateLimits__IngestPerMinute: must be between 1 and 10000000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
