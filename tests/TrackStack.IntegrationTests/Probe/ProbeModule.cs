using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.BuildingBlocks.Modules;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Identity.Contracts;

namespace TrackStack.IntegrationTests.Probe;

/// <summary>A minimal module that exists only in the tests: it proves that a later module gets household
/// access control from the shared route group, and lets tests make an event handler fail on purpose.</summary>
public static class ProbeModule
{
    public static ModuleDefinition Definition { get; } = new("probe", (s, _) =>
    {
        s.AddModuleDbContext<ProbeDb>("probe");
        s.AddSingleton<ProbeBehaviour>();
        s.AddEventHandler<ProbeDb, UserRegistered, ProbeUserRegisteredHandler>("probe-user-registered");
    }, app =>
    {
        var group = app.MapHouseholdGroup("probe");
        group.MapGet("/items", async (Guid householdId, ProbeDb db) =>
            await db.Items.Where(i => i.HouseholdId == householdId).Select(i => i.Name).ToListAsync());
        group.MapPost("/items", async (Guid householdId, ProbeItemRequest request, ProbeDb db) =>
        {
            db.Items.Add(new ProbeItem { Id = Guid.NewGuid(), HouseholdId = householdId, Name = request.Name });
            await db.SaveChangesAsync();
            return Results.Created();
        });
        // What the membership port answers about someone else, and the context the route filter established.
        group.MapGet("/roles/{userId:guid}", async (Guid householdId, Guid userId, [Microsoft.AspNetCore.Mvc.FromServices] IHouseholdMembershipQuery members, CancellationToken ct) =>
            await members.GetRoleAsync(householdId, userId, ct) is { } role ? Results.Ok(role.ToString()) : Results.NotFound());
        group.MapGet("/context", (HttpContext http) => http.GetHouseholdAccess().Context);
    });
}

public sealed record ProbeItemRequest(string Name);

public sealed class ProbeItem : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Name { get; set; } = "";
}

public sealed class ProbeSeen
{
    public Guid UserId { get; set; }
}

public sealed class ProbeDb(DbContextOptions<ProbeDb> options, HouseholdScope scope) : HouseholdDbContext(options, scope)
{
    public DbSet<ProbeItem> Items => Set<ProbeItem>();
    public DbSet<ProbeSeen> Seen => Set<ProbeSeen>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<ProbeItem>(e => { e.ToTable("probe_items"); e.HasKey(x => x.Id); });
        b.Entity<ProbeSeen>(e => { e.ToTable("probe_seen"); e.HasKey(x => x.UserId); });
        b.ApplyModuleConventions(this, "probe");
    }
}

/// <summary>How the probe's handler behaves in this host.</summary>
public sealed class ProbeBehaviour
{
    public int FailuresLeft;
    public volatile bool AlwaysFail;
    public volatile bool ThrowConcurrency;
    public int Calls;
}

public sealed class ProbeUserRegisteredHandler(ProbeDb db, ProbeBehaviour behaviour) : IIntegrationEventHandler<UserRegistered>
{
    public Task HandleAsync(UserRegistered e, CancellationToken ct)
    {
        Interlocked.Increment(ref behaviour.Calls);
        if (behaviour.AlwaysFail) throw new InvalidOperationException("probe told to fail");
        if (behaviour.ThrowConcurrency) throw new DbUpdateConcurrencyException("probe's own save lost a race");
        if (Interlocked.Decrement(ref behaviour.FailuresLeft) >= 0) throw new InvalidOperationException("probe fails this attempt");
        db.Seen.Add(new ProbeSeen { UserId = e.UserId });
        return Task.CompletedTask;
    }
}
