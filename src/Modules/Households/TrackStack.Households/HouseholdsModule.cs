using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.BuildingBlocks.Modules;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Households.Features.CreateHousehold;
using TrackStack.Households.Features.CreatePersonalHousehold;
using TrackStack.Households.Features.GetHousehold;
using TrackStack.Households.Features.Invites;
using TrackStack.Households.Features.ListHouseholds;
using TrackStack.Households.Features.Members;
using TrackStack.Households.Features.UpdateHouseholdSettings;
using TrackStack.Households.Infrastructure;
using TrackStack.Identity.Contracts;

namespace TrackStack.Households;

/// <summary>Households, members, roles and invites: /api/households/... and /api/invites/...</summary>
public static class HouseholdsModule
{
    public const string Name = "households";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddHouseholdsModule(c), a => a.MapHouseholdsModule());

    public static IServiceCollection AddHouseholdsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<HouseholdsDb>(HouseholdsDb.Module);
        services.AddScoped<HouseholdWriter>();
        // This process owns memberships: every module in it asks the Households tables directly.
        services.AddScoped<IHouseholdMembershipQuery, InProcessMembershipQuery>();
        services.AddEventHandler<HouseholdsDb, UserRegistered, CreatePersonalHouseholdHandler>(CreatePersonalHouseholdHandler.Name);
        return services;
    }

    public static IEndpointRouteBuilder MapHouseholdsModule(this IEndpointRouteBuilder app)
    {
        var households = app.MapGroup("/api/households").RequireAuthorization().WithTags("Households");
        households.MapCreateHousehold();
        households.MapListHouseholds();

        var household = app.MapHouseholdGroup().WithTags("Households");
        household.MapGetHousehold();
        household.MapUpdateHouseholdSettings();
        household.MapMembers();
        household.MapInvites();

        app.MapAcceptInvite();
        return app;
    }
}
