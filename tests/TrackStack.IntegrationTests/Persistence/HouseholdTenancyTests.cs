using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;
using TrackStack.Host;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Persistence;

/// <summary>Tenancy is the model's job, not each query's: a module's queries cannot forget the household.</summary>
public sealed class HouseholdTenancyTests
{
    /// <summary>Tables the household filter does not apply to, and why.</summary>
    private static readonly Dictionary<string, string> Unfiltered = new(StringComparer.Ordinal)
    {
        ["households.households"] = "the Households module is where membership is decided",
        ["households.memberships"] = "the Households module is where membership is decided",
        ["households.invites"] = "an invite is found by its token before anyone is a member",
    };

    [Fact]
    public async Task Every_household_row_of_every_module_is_behind_the_household_filter()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var unguarded = new List<string>();
        foreach (var module in host.Services.GetServices<IModuleDatabase>())
        {
            await using var scope = host.Services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            foreach (var entity in context.Model.GetEntityTypes().Where(e => e.FindProperty("HouseholdId") is not null))
            {
                var name = $"{module.Module}.{entity.GetTableName()}";
                // The platform's household-context projection is read by background work for any household.
                if (Unfiltered.ContainsKey(name) || entity.GetTableName() == "household_contexts") continue;
                if (context is not HouseholdDbContext || !typeof(IHouseholdOwned).IsAssignableFrom(entity.ClrType) || entity.GetDeclaredQueryFilters().Count == 0)
                {
                    unguarded.Add(name);
                }
            }
        }
        Assert.True(unguarded.Count == 0, "These tables hold household data without the household filter (make the entity IHouseholdOwned in a HouseholdDbContext): " + string.Join(", ", unguarded));
    }

    /// <summary>A module keeping household data deletes it with the household (a module built without
    /// AddHouseholdDataDeletion would keep a deleted household's rows forever).</summary>
    [Fact]
    public async Task Every_module_with_household_data_deletes_it_with_the_household()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var subscribed = host.Services.GetServices<TrackStack.BuildingBlocks.Messaging.EventSubscription>()
            .Where(s => s.EventType == "households.household-deleted.v1").Select(s => s.ContextType).ToHashSet();
        var missing = host.Services.GetServices<IModuleDatabase>()
            .Where(m => typeof(HouseholdDbContext).IsAssignableFrom(m.ContextType) && !subscribed.Contains(m.ContextType))
            .Select(m => m.Module).ToList();
        Assert.True(missing.Count == 0, "Call services.AddHouseholdDataDeletion<TDb>(Name) in: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Queries_see_only_the_household_in_scope_and_nothing_outside_one(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, modules: ModuleCatalog.Select("identity,households,expenses"));
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var household in new[] { a, b })
        {
            await using var scope = host.Services.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(household);
            var expenses = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
            expenses.Rules.Add(new CategoryRule { Id = Guid.NewGuid(), HouseholdId = household, Pattern = household == a ? "a" : "b", CategoryId = Guid.NewGuid() });
            await expenses.SaveChangesAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var expenses = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
            Assert.Empty(await expenses.Rules.ToListAsync()); // no household in scope: nothing
            Assert.Equal(2, await expenses.Rules.IgnoreQueryFilters().CountAsync(r => r.HouseholdId == a || r.HouseholdId == b));
            using (scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(a))
            {
                Assert.Equal(["a"], await expenses.Rules.Select(r => r.Pattern).ToListAsync());
                var foreign = await expenses.Rules.IgnoreQueryFilters().SingleAsync(r => r.HouseholdId == b);
                foreign.Pattern = "changed by a";
                Assert.Throws<InvalidOperationException>(() => expenses.SaveChanges());
            }
        }
    }
}
