using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrackStack.BuildingBlocks.Modules;

/// <summary>How the host knows a module: its name (as given to --modules) and its Add/Map pair.</summary>
public sealed record ModuleDefinition(
    string Name,
    Action<IServiceCollection, IConfiguration> AddServices,
    Action<IEndpointRouteBuilder> MapEndpoints);
