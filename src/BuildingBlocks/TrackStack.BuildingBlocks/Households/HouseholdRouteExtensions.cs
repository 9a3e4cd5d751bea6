using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace TrackStack.BuildingBlocks.Households;

public static class HouseholdRouteExtensions
{
    /// <summary>The route group every module uses for household data: /api/households/{householdId}/{module}.
    /// Authentication, membership and role are checked once for the whole group, and a write through the group
    /// invalidates the module's cached read models of the household.</summary>
    public static RouteGroupBuilder MapHouseholdGroup(this IEndpointRouteBuilder app, string? module = null)
    {
        var prefix = "/api/households/{householdId:guid}" + (string.IsNullOrEmpty(module) ? "" : "/" + module);
        var group = app.MapGroup(prefix).RequireAuthorization();
        group.AddEndpointFilter(new HouseholdAccessFilter(module ?? "households"));
        // The filter reads the household from the route, so a handler need not bind it; the document still names it.
        group.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            if (!operation.Parameters.Any(p => p.Name == "householdId"))
            {
                operation.Parameters.Insert(0, new OpenApiParameter
                {
                    Name = "householdId",
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                });
            }
            return Task.CompletedTask;
        });
        return group;
    }

    public static TBuilder RequireHouseholdRole<TBuilder>(this TBuilder builder, HouseholdRole role)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new HouseholdRoleRequirement(role));
        return builder;
    }
}
