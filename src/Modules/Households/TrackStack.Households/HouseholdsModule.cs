using TrackStack.Households.Features.AcceptInvite;
using TrackStack.Households.Features.ChangeMemberRole;
using TrackStack.Households.Features.CreateHousehold;
using TrackStack.Households.Features.CreatePersonalHousehold;
using TrackStack.Households.Features.GetHousehold;
using TrackStack.Households.Features.GetMember;
using TrackStack.Households.Features.GetMyMembership;
using TrackStack.Households.Features.InviteMember;
using TrackStack.Households.Features.LeaveHousehold;
using TrackStack.Households.Features.ListHouseholds;
using TrackStack.Households.Features.ListInvites;
using TrackStack.Households.Features.ListMembers;
using TrackStack.Households.Features.RemoveDeletedAccount;
using TrackStack.Households.Features.RemoveMember;
using TrackStack.Households.Features.RememberLastHousehold;
using TrackStack.Households.Features.UpdateHouseholdSettings;
using TrackStack.Households.Features.ViewInvite;
using TrackStack.Households.Features.WithdrawInvite;
using TrackStack.Identity.Contracts;

namespace TrackStack.Households;

/// <summary>Households, members, roles and invites: /api/households/... and /api/invites/...</summary>
public static class HouseholdsModule
{
    public const string Name = "households";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddHouseholdsModule(c), a => a.MapHouseholdsModule())
    {
        Routes = [new("/api/households"), new("/api/invites")],
    };

    public static IServiceCollection AddHouseholdsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddSingleton<MembershipCache>();
        services.AddSingleton<MembershipCacheInvalidation>();
        services.AddModuleDbContext<HouseholdsDb>(HouseholdsDb.Module, (sp, o) => o.AddInterceptors(sp.GetRequiredService<MembershipCacheInvalidation>()));
        services.AddScoped<HouseholdWriter>();
        services.AddScoped<MembershipChanges>();
        // This process owns memberships: every module in it asks the Households directory (cached) directly.
        services.AddScoped<IHouseholdMembershipQuery, MembershipDirectory>();
        services.AddEventHandler<HouseholdsDb, UserRegistered, CreatePersonalHousehold>(CreatePersonalHousehold.Name);
        services.AddEventHandler<HouseholdsDb, UserDeleted, RemoveDeletedAccount>(RemoveDeletedAccount.Name);
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
        household.MapListMembers();
        household.MapGetMyMembership();
        household.MapRememberLastHousehold();
        household.MapGetMember();
        household.MapChangeMemberRole();
        household.MapRemoveMember();
        household.MapLeaveHousehold();
        household.MapInviteMember();
        household.MapListInvites();
        household.MapWithdrawInvite();

        var invites = app.MapGroup("/api/invites").RequireAuthorization().WithTags("Households");
        invites.MapViewInvite();
        invites.MapAcceptInvite();
        return app;
    }
}
