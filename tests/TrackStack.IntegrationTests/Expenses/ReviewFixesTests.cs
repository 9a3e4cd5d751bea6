using System.Net;
using System.Text;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Heating.Contracts;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>Regression tests for the review's findings on expenses input and event ordering.</summary>
public sealed class ExpensesReviewFixesTests
{
    [Fact]
    public async Task Rules_refuse_backtracking_regexes_and_are_checked_as_stored()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "rules@example.org");
        var category = await api.CategoryAsync("Groceries");
        using (var r = await api.Client.PostAsync($"{api.Base}/rules", new { match = "regex", pattern = @"(a)\1", categoryId = category })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await api.Client.PostAsync($"{api.Base}/rules", new { match = "regex", pattern = "abc\\ ", categoryId = category })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await api.Client.PostAsync($"{api.Base}/rules", new { match = "regex", pattern = "^(a+)+$", categoryId = category })) await r.ExpectAsync(HttpStatusCode.Created);

        // The classic catastrophic pattern runs in linear time with the non-backtracking engine.
        var rows = string.Concat(Enumerable.Range(0, 200).Select(i => $"2026-11-02,{new string('a', 40)}b{i},-1.00\n"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var preview = await api.ImportAsync(Encoding.UTF8.GetBytes("Date,Payee,Amount\n" + rows), "a.csv", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal(200, preview["rows"]!.AsArray().Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Imports_reject_absurd_amounts_and_dedup_long_bank_ids()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "amounts@example.org");
        var longId = new string('X', 180);
        var csv = Encoding.UTF8.GetBytes($"Date,Payee,Amount,Id\n2026-11-02,Whale,-99999999999999999999,A1\n2026-11-03,Shop,-5.00,{longId}\n");
        var first = await api.ImportAsync(csv, "a.csv");
        Assert.Equal((1, 1), (first["created"]!.GetValue<int>(), first["errors"]!.GetValue<int>()));
        var again = await api.ImportAsync(csv, "a.csv", expected: HttpStatusCode.OK);
        Assert.Equal((0, 1), (again["created"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));
        using (var r = await api.Client.GetAsync($"{api.Base}/months/2026-11")) await r.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Nulls_in_lists_and_dates_out_of_range_are_field_errors()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "nulls@example.org");
        using (var r = await api.Client.Http.PutAsync($"{api.Base}/settings", new StringContent("{\"tanks\":[null]}", Encoding.UTF8, "application/json"))) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await api.Client.Http.PostAsync($"{api.Base}/entries", new StringContent("{\"date\":\"2026-11-02\",\"amountCents\":100,\"tags\":[null]}", Encoding.UTF8, "application/json"))) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await api.Client.PostAsync($"{api.Base}/recurring", new { title = "Far", amountCents = 100, frequency = "weekly", day = 1, startDate = "9999-12-31" })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await api.Client.PostAsync($"{api.Base}/recurring", new { title = "Old", amountCents = 100, frequency = "monthly", day = 1, startDate = "0001-01-01" })) await r.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Purchase_events_that_arrive_late_change_nothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "late@example.org");
        var transport = host.Services.GetRequiredService<IEventTransport>();
        var purchase = Guid.NewGuid();
        var t0 = DateTime.UtcNow;
        // The delete is handled before a retried create and a retried older price change.
        await transport.PublishAsync(Envelope(new FuelPurchaseDeleted(Guid.NewGuid(), t0.AddSeconds(2), api.HouseholdId, purchase)), CancellationToken.None);
        await Task.Delay(300);
        await transport.PublishAsync(Envelope(new FuelPurchased(Guid.NewGuid(), t0, api.HouseholdId, purchase, new DateOnly(2026, 10, 1), 10, "bag", "woodPellets", 5000, null, Guid.NewGuid())), CancellationToken.None);
        await transport.PublishAsync(Envelope(new FuelPurchaseChanged(Guid.NewGuid(), t0.AddSeconds(1), api.HouseholdId, purchase, new DateOnly(2026, 10, 1), 10, "bag", "woodPellets", 6000, null, Guid.NewGuid())), CancellationToken.None);
        await Task.Delay(800);
        Assert.Equal(0, (await api.Client.GetJsonAsync($"{api.Base}/entries?kind=heating"))["total"]!.GetValue<int>());

        // And a newer price survives an older change that arrives after it.
        var other = Guid.NewGuid();
        await transport.PublishAsync(Envelope(new FuelPurchased(Guid.NewGuid(), t0, api.HouseholdId, other, new DateOnly(2026, 10, 2), 10, "bag", "woodPellets", 5000, null, Guid.NewGuid())), CancellationToken.None);
        await transport.PublishAsync(Envelope(new FuelPurchaseChanged(Guid.NewGuid(), t0.AddSeconds(5), api.HouseholdId, other, new DateOnly(2026, 10, 2), 10, "bag", "woodPellets", 7000, null, Guid.NewGuid())), CancellationToken.None);
        await Events.EventDeliveryTests.WaitUntilAsync(async () => Cents(await api.MonthAsync("2026-10"), "spentCents") == 7000);
        await transport.PublishAsync(Envelope(new FuelPurchaseChanged(Guid.NewGuid(), t0.AddSeconds(3), api.HouseholdId, other, new DateOnly(2026, 10, 2), 10, "bag", "woodPellets", 6500, null, Guid.NewGuid())), CancellationToken.None);
        await Task.Delay(800);
        Assert.Equal(7000, Cents(await api.MonthAsync("2026-10"), "spentCents"));
    }

    private static EventEnvelope Envelope(IIntegrationEvent e) =>
        new(e.EventId, EventTypeAttribute.NameOf(e.GetType()), System.Text.Json.JsonSerializer.Serialize(e, e.GetType(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)), e.OccurredAt, "heating");
}
