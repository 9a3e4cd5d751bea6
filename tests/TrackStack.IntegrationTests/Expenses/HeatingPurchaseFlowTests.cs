using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>Across modules, through the outbox, the in-process transport and the inbox: a priced fuel purchase
/// recorded in Heating becomes exactly one expense, follows edits and disappears with the purchase.</summary>
public sealed class HeatingPurchaseFlowTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_priced_fuel_purchase_becomes_one_expense_in_the_heating_category(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "stove@example.org");
        var heatingCategory = await api.CategoryAsync("Heating");
        var heating = $"/api/households/{api.HouseholdId}/heating";
        var purchaseId = Guid.NewGuid();
        var body = new { id = purchaseId, date = "2026-10-12", quantity = 70, unit = "bag", totalPriceCents = 38500, supplier = "Pellets & Co" };

        using (var r = await api.Client.PostAsync($"{heating}/purchases", body)) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await api.Client.PostAsync($"{heating}/purchases", body)) await r.ExpectAsync(HttpStatusCode.OK); // offline replay

        System.Text.Json.Nodes.JsonNode? entry = null;
        await Events.EventDeliveryTests.WaitUntilAsync(async () =>
            (entry = (await api.Client.GetJsonAsync($"{api.Base}/entries?kind=heating"))["items"]!.AsArray().FirstOrDefault()) is not null);
        Assert.Equal((38500L, heatingCategory.ToString(), "2026-10-12"), (Cents(entry, "amountCents"), entry.Str("categoryId"), entry.Str("date")));
        Assert.Equal(38500, Cents(Tank(await api.MonthAsync("2026-10"), "fund"), "spentCents"));

        using (var r = await api.Client.PutAsync($"{heating}/purchases/{purchaseId}", new { date = "2026-10-12", quantity = 70, unit = "bag", totalPriceCents = 39900, supplier = "Pellets & Co" }))
            await r.ExpectAsync(HttpStatusCode.OK);
        await Events.EventDeliveryTests.WaitUntilAsync(async () => Cents(await api.MonthAsync("2026-10"), "spentCents") == 39900);

        using (var r = await api.Client.DeleteAsync($"{heating}/purchases/{purchaseId}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        await Events.EventDeliveryTests.WaitUntilAsync(async () => Cents(await api.MonthAsync("2026-10"), "spentCents") == 0);
        Assert.Equal(0, (await api.Client.GetJsonAsync($"{api.Base}/entries?kind=heating"))["total"]!.GetValue<int>());
    }
}
