using System.CommandLine;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrackStack.BuildingBlocks.Modules;

/// <summary>How the host knows a module: its name (as given to --modules), its Add/Map pair, the operator
/// commands it brings (added to the host's CLI, e.g. <c>TrackStack.Host users create</c>) and the paths the gateway
/// sends to its service.</summary>
public sealed record ModuleDefinition(
    string Name,
    Action<IServiceCollection, IConfiguration> AddServices,
    Action<IEndpointRouteBuilder> MapEndpoints)
{
    /// <summary>Operator commands. Each gets a factory for the fully composed, migrated service provider.</summary>
    public IReadOnlyList<Func<CommandServices, Command>> Commands { get; init; } = [];

    /// <summary>The paths (and everything below them) the module's endpoints live under; the gateway's route table is
    /// built from these. A gateway test fails when an endpoint of the module is not under one of them.</summary>
    public IReadOnlyList<ModuleRoute> Routes { get; init; } = [];
}

/// <summary>Builds the service provider an operator command runs against: every module, settings checked,
/// migrations applied, no web server.</summary>
public delegate Task<IServiceProvider> CommandServices(CancellationToken ct);
