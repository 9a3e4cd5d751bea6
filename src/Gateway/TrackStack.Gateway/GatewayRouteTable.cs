using TrackStack.BuildingBlocks.Modules;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace TrackStack.Gateway;

/// <summary>The YARP routes and clusters, generated from the module catalogue (<see cref="ModuleDefinition.Routes"/>)
/// and the module → service URLs of the settings. Each path becomes the template <c>path/{**rest}</c>; ASP.NET Core's
/// route precedence then sends <c>/api/households/{id}/expenses/...</c> to Expenses rather than to Households'
/// <c>/api/households/...</c>, because a parameter segment beats a catch-all. Modules on the same URL share a cluster.</summary>
internal sealed record GatewayRouteTable(IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters, IReadOnlyList<UnconfiguredRoute> Unconfigured)
{
    public const string ModuleKey = "module";

    public static GatewayRouteTable Build(IReadOnlyList<ModuleDefinition> catalogue, GatewayOptions options)
    {
        var routes = new List<RouteConfig>();
        var unconfigured = new List<UnconfiguredRoute>();
        var clusters = new Dictionary<string, ClusterConfig>(StringComparer.OrdinalIgnoreCase);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in catalogue)
        {
            string? clusterId = null;
            if (options.Modules.TryGetValue(module.Name, out var url))
            {
                var address = url.TrimEnd('/');
                clusterId = "service " + address;
                clusters.TryAdd(clusterId, new ClusterConfig
                {
                    ClusterId = clusterId,
                    Destinations = new Dictionary<string, DestinationConfig> { ["service"] = new() { Address = address } },
                });
            }
            foreach (var route in module.Routes)
            {
                var template = Template(route.Path);
                if (!owners.TryAdd(template, module.Name))
                {
                    throw new InvalidOperationException($"The modules {owners[template]} and {module.Name} both claim {route.Path}.");
                }
                if (clusterId is null)
                {
                    unconfigured.Add(new UnconfiguredRoute(module.Name, template, route.Limit));
                    continue;
                }
                routes.Add(new RouteConfig
                {
                    RouteId = $"{module.Name} {route.Path}",
                    ClusterId = clusterId,
                    Match = new RouteMatch { Path = template },
                    RateLimiterPolicy = EdgeRateLimits.PolicyFor(route.Limit),
                    Metadata = new Dictionary<string, string> { [ModuleKey] = module.Name },
                }
                // The service sees the address the client used: OAuth callbacks and absolute links are built from it.
                .WithTransformUseOriginalHostHeader());
            }
        }
        return new GatewayRouteTable(routes, [.. clusters.Values], unconfigured);
    }

    private static string Template(string path) => path.TrimEnd('/') + "/{**rest}";
}

/// <summary>A path of a module no service URL was given for: it answers 503 instead of being proxied.</summary>
internal sealed record UnconfiguredRoute(string Module, string Template, EdgeLimit Limit);
