using System.Net;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Expenses.Features.PostRecurringEntries;
using TrackStack.Expenses.Infrastructure;
using TrackStack.Heating.Contracts;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

public sealed class RecurringAndEventsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Recurring_entries_are_posted_for_every_due_date_and_never_twice(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "subs@example.org");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById((await api.Client.GetJsonAsync($"/api/households/{api.HouseholdId}")).Str("timeZone"))).DateTime);
        var start = today.AddDays(-75);

        using (var r = await api.Client.PostAsync($"{api.Base}/recurring", new { title = "Streaming", amountCents = 1299, frequency = "monthly", day = 1, startDate = start }))
        {
            var template = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal("monthly", template.Str("frequency"));
        }
        using (var r = await api.Client.PostAsync($"{api.Base}/recurring", new { title = "Gym", amountCents = 900, frequency = "weekly", day = 1, startDate = today.AddDays(-20), endDate = today.AddDays(-1) }))
            await r.ExpectAsync(HttpStatusCode.Created);

        // Independent count: every 1st of a month in (start, today], every Monday in the weekly window.
        var firsts = Enumerable.Range(0, 80).Select(i => start.AddDays(i)).Count(d => d <= today && d.Day == 1);
        var mondays = Enumerable.Range(0, 20).Select(i => today.AddDays(-20 + i)).Count(d => d.DayOfWeek == DayOfWeek.Monday);
        var posted = await api.Client.GetJsonAsync($"{api.Base}/entries?kind=recurring&pageSize=100");
        Assert.Equal(firsts + mondays, posted["total"]!.GetValue<int>());
        Assert.All(posted["items"]!.AsArray().Where(e => e.Str("title") == "Streaming"), e => Assert.EndsWith("-01", e.Str("date")));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PostRecurringEntries>().PostAllAsync(CancellationToken.None));
        }
        var templates = await api.Client.GetJsonAsync($"{api.Base}/recurring");
        var gym = templates["items"]!.AsArray().Single(t => t.Str("title") == "Gym");
        Assert.False(gym!["active"]!.GetValue<bool>()); // past its end date
        Assert.Equal(firsts + mondays, (await api.Client.GetJsonAsync($"{api.Base}/entries?kind=recurring"))["total"]!.GetValue<int>());

        using (var r = await api.Client.PostAsync($"{api.Base}/recurring", new { title = "", amountCents = 0, frequency = "daily", day = 40 }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).Order();
            Assert.Equal(["amountCents", "frequency", "startDate", "title"], errors);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_fuel_purchase_event_records_one_heating_expense_even_when_delivered_twice(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "pellets@example.org");
        var heating = await api.CategoryAsync("Heating");
        var purchase = Guid.NewGuid();
        var transport = host.Services.GetRequiredService<IEventTransport>();
        var bought = new FuelPurchased(Guid.NewGuid(), DateTime.UtcNow, api.HouseholdId, purchase, new DateOnly(2026, 10, 12), 70, "bag", "woodPellets", 38500, "Pellets & Co", Guid.NewGuid());
        var envelope = Envelope(bought);
        await transport.PublishAsync(envelope, CancellationToken.None);
        await transport.PublishAsync(envelope, CancellationToken.None);

        var entry = await WaitForHeatingEntryAsync(api);
        Assert.Equal((38500L, heating.ToString(), "Wood pellets: 70 bag from Pellets & Co"), (Cents(entry, "amountCents"), entry.Str("categoryId"), entry.Str("title")));
        await Task.Delay(300);
        Assert.Equal(1, (await api.Client.GetJsonAsync($"{api.Base}/entries?kind=heating"))["total"]!.GetValue<int>());

        await transport.PublishAsync(Envelope(new FuelPurchaseChanged(Guid.NewGuid(), DateTime.UtcNow, api.HouseholdId, purchase, new DateOnly(2026, 10, 12), 70, "bag", "woodPellets", 39900, null, Guid.NewGuid())), CancellationToken.None);
        await Events.EventDeliveryTests.WaitUntilAsync(async () => Cents(await WaitForHeatingEntryAsync(api), "amountCents") == 39900);
        await transport.PublishAsync(Envelope(new FuelPurchaseDeleted(Guid.NewGuid(), DateTime.UtcNow, api.HouseholdId, purchase)), CancellationToken.None);
        await Events.EventDeliveryTests.WaitUntilAsync(async () => (await api.Client.GetJsonAsync($"{api.Base}/entries?kind=heating"))["total"]!.GetValue<int>() == 0);

        await using var scope = host.Services.CreateAsyncScope();
        var inbox = await scope.ServiceProvider.GetRequiredService<ExpensesDb>().Set<InboxMessage>().CountAsync(m => m.EventId == bought.EventId);
        Assert.Equal(1, inbox);
    }

    private static EventEnvelope Envelope(IIntegrationEvent e) =>
        new(e.EventId, EventTypeAttribute.NameOf(e.GetType()), System.Text.Json.JsonSerializer.Serialize(e, e.GetType(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)), e.OccurredAt, "heating");

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForHeatingEntryAsync(ExpensesApi api)
    {
        System.Text.Json.Nodes.JsonNode? found = null;
        await Events.EventDeliveryTests.WaitUntilAsync(async () =>
            (found = (await api.Client.GetJsonAsync($"{api.Base}/entries?kind=heating"))["items"]!.AsArray().FirstOrDefault()) is not null);
        return found!;
    }
}
