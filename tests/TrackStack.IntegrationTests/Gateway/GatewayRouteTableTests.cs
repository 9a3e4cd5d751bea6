using System.Net;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing.Patterns;
using TrackStack.BuildingBlocks.Http;
using TrackStack.Host;

namespace TrackStack.IntegrationTests.Gateway;

/// <summary>Keeps "the gateway's routes are generated from the module catalogue" honest: every endpoint each module
/// maps (as its own service maps it) is sent by the real gateway to that module's service, and the edge limits sit on
/// exactly the sign-in and ingest paths. A module that adds an endpoint outside its declared paths fails here.</summary>
public sealed class GatewayRouteTableTests
{
    /// <summary>The paths the issue names as ingest; the credential paths come from the services' own "auth" limit.</summary>
    private static readonly string[] IngestPaths = ["/api/ingest", "/api/v2/write", "/write"];

    [Fact]
    public async Task Every_endpoint_of_every_module_is_routed_to_the_service_of_the_module_that_maps_it()
    {
        var endpoints = await ModuleEndpointsAsync();
        Assert.Equal(ModuleCatalog.All.Select(m => m.Name).Order(), endpoints.Select(e => e.Module).Distinct().Order());
        await using var services = await PortEchoServer.StartAsync(ModuleCatalog.All.Count);
        var serviceOf = ModuleCatalog.All.Select((m, i) => (m.Name, Address: services.Addresses[i])).ToList();
        await using var gateway = await GatewayHost.StartAsync(serviceOf.Select(s => KeyValuePair.Create(s.Name, s.Address)));
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            using var response = await client.GetAsync(endpoint.SamplePath);
            var body = await response.Content.ReadAsStringAsync();
            var reached = serviceOf.FirstOrDefault(s => s.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) == body).Name;
            if (response.StatusCode != HttpStatusCode.OK || reached != endpoint.Module)
            {
                wrong.Add($"{endpoint.Pattern} ({endpoint.Module}) went to {reached ?? $"no service ({(int)response.StatusCode})"}");
            }
        }
        Assert.True(wrong.Count == 0, "Not routed to their module's service:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_edge_limits_apply_to_the_credential_and_ingest_paths_and_to_nothing_else()
    {
        var endpoints = await ModuleEndpointsAsync();
        await using var services = await PortEchoServer.StartAsync(1);
        var settings = new Dictionary<string, string?> { ["Gateway:RateLimits:AuthPerMinute"] = "1", ["Gateway:RateLimits:IngestPerMinute"] = "1" };
        await using var gateway = await GatewayHost.StartAsync(ModuleCatalog.All.Select(m => KeyValuePair.Create(m.Name, services.Addresses[0])), settings);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        // One request each uses up the client's allowance; from then on a limited path answers 429.
        using (var r = await client.GetAsync("/api/auth/login")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await client.GetAsync("/api/ingest")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        var wrong = new List<string>();
        foreach (var path in endpoints.GroupBy(e => e.Pattern))
        {
            // A path is limited at the edge when every endpoint on it is (DELETE /api/me is, GET /api/me is not: neither is limited here).
            var credentials = path.All(e => e.Policy == RateLimitPolicies.Auth);
            var ingest = IngestPaths.Contains(path.Key);
            using var response = await client.GetAsync(path.First().SamplePath);
            var limited = response.StatusCode == HttpStatusCode.TooManyRequests;
            if (limited != (credentials || ingest)) wrong.Add($"{path.Key}: {(limited ? "limited" : "not limited")}");
            if (limited) Assert.NotNull(response.Headers.RetryAfter);
        }
        Assert.True(wrong.Count == 0, "Wrong edge limit:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_declared_path_holds_an_endpoint_of_its_module()
    {
        var endpoints = await ModuleEndpointsAsync();
        var unused = ModuleCatalog.All.SelectMany(m => m.Routes.Select(r => (Module: m.Name, r.Path)))
            .Where(r => !endpoints.Any(e => e.Module == r.Module && (e.Pattern == r.Path || e.Pattern.StartsWith(r.Path + "/", StringComparison.OrdinalIgnoreCase))))
            .Select(r => $"{r.Module}: {r.Path}")
            .ToList();
        Assert.True(unused.Count == 0, "Declared paths without an endpoint:\n" + string.Join("\n", unused));
    }

    private sealed record ModuleEndpoint(string Module, string Pattern, string SamplePath, string? Policy);

    /// <summary>The host's own endpoints, which no module maps.</summary>
    private static readonly string[] PlatformPaths = ["/health/live", "/health/ready", "/openapi/{documentName}.json", "/api"];

    /// <summary>The monolith's endpoints, each with the module that maps it: the monolith is built as `serve` builds it,
    /// then each module's own MapEndpoints runs once more into a group of its own (never started, only read), so every
    /// endpoint is attributed by the code that really maps it. Together they must be the monolith's endpoints.</summary>
    private static async Task<List<ModuleEndpoint>> ModuleEndpointsAsync()
    {
        var dir = Directory.CreateTempSubdirectory("trackstack-routes-");
        var app = TrackStackApp.Build(["--urls=http://127.0.0.1:0", $"--TrackStack:DataDir={dir.FullName}", "--TrackStack:Monitoring:MetricsPort=0"],
            ModuleCatalog.All, b => b.Logging.ClearProviders());
        try
        {
            var routes = (IEndpointRouteBuilder)app;
            var monolith = Endpoints(routes.DataSources).Select(e => Normalise(e.RoutePattern)).Distinct().ToList();
            var all = new List<ModuleEndpoint>();
            foreach (var module in ModuleCatalog.All)
            {
                var before = routes.DataSources.Count;
                module.MapEndpoints(app.MapGroup(""));
                all.AddRange(Endpoints(routes.DataSources.Skip(before)).Select(e => new ModuleEndpoint(module.Name, Normalise(e.RoutePattern), SamplePath(e.RoutePattern),
                    e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName)));
            }
            Assert.Equal(monolith.Except(PlatformPaths).Order(), all.Select(e => e.Pattern).Distinct().Order());
            return all;
        }
        finally
        {
            await app.DisposeAsync();
            dir.Delete(true);
        }
    }

    private static List<RouteEndpoint> Endpoints(IEnumerable<EndpointDataSource> sources) =>
        sources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();

    /// <summary>"/api/households/{householdId:guid}/x" → "/api/households/{householdId}/x", as modules declare paths.</summary>
    private static string Normalise(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart q => "{" + q.Name + "}",
            RoutePatternSeparatorPart s => s.Content,
            _ => "",
        }))));

    private static string SamplePath(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart q when q.ParameterPolicies.Any(c => c.Content == "guid") || q.Name.EndsWith("Id", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            RoutePatternParameterPart q when q.Name == "month" => "2026-11",
            RoutePatternParameterPart => "sample",
            RoutePatternSeparatorPart s => s.Content,
            _ => "",
        }))));
}
