using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Heating.Infrastructure;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Heating;

public sealed class HeatingTests
{
    internal static string Api(Guid household) => $"/api/households/{household}/heating";

    internal static string Today(int plusDays = 0) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(plusDays).ToString("yyyy-MM-dd");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Settings_start_with_pellet_defaults_and_validate_changes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HomeAsync(owner, "Home");

        var settings = await owner.GetJsonAsync($"{Api(home)}/settings");
        Assert.Equal(("woodPellets", "bag", "bag (15 kg)"), (settings.Str("fuel"), settings.Str("unit"), settings.Str("unitLabel")));
        Assert.Equal(15, settings["unitSizeKg"]!.GetValue<double>());
        Assert.Equal(72, settings["kwhPerUnit"]!.GetValue<double>());
        Assert.False(settings["meterBased"]!.GetValue<bool>());
        Assert.Equal((9, 1), (settings["seasonStartMonth"]!.GetValue<int>(), settings["seasonStartDay"]!.GetValue<int>()));
        Assert.Equal(15.5, settings["baseTemperatureC"]!.GetValue<double>());
        Assert.Equal("fixed", settings.Str("baseMode"));
        Assert.False(settings["weatherEnabled"]!.GetValue<bool>());

        using (var r = await owner.PutAsync($"{Api(home)}/settings", new
        {
            fuel = "woodPellets", unit = "litre", unitSizeKg = -1, seasonStartMonth = 2, seasonStartDay = 29,
            baseTemperatureC = 40, baseMode = "magic", latitude = 95, weatherEnabled = true,
        }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            foreach (var field in new[] { "unit", "seasonStartDay", "baseTemperatureC", "baseMode", "latitude", "weatherEnabled" })
            {
                Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors}");
            }
        }
        using (var r = await owner.PutAsync($"{Api(home)}/settings", new { fuel = "coal" }))
        {
            Assert.Contains("woodPellets", (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["fuel"]![0]!.GetValue<string>());
        }

        using (var r = await owner.PutAsync($"{Api(home)}/settings", new { fuel = "naturalGas", baseMode = "fit", latitude = 50.85, longitude = 4.35, weatherEnabled = true }))
        {
            var gas = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(("m3", 10.55, true), (gas.Str("unit"), gas["kwhPerUnit"]!.GetValue<double>(), gas["meterBased"]!.GetValue<bool>()));
            Assert.Null(gas["unitSizeKg"]);
            Assert.Equal("fit", gas.Str("baseMode"));
        }
        using (var r = await owner.PutAsync($"{Api(home)}/settings", new { fuel = "woodPellets", unitSizeKg = 10 }))
        {
            Assert.Equal(48, (await r.ReadJsonAsync(HttpStatusCode.OK))["kwhPerUnit"]!.GetValue<double>(), 9);
        }
        Assert.Equal("bag (10 kg)", (await owner.GetJsonAsync($"{Api(home)}/settings")).Str("unitLabel"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Refills_are_recorded_once_per_client_id_listed_edited_and_deleted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HomeAsync(owner, "Home");
        var api = Api(home);

        var id = Guid.NewGuid();
        JsonNode first;
        using (var r = await owner.PostAsync($"{api}/refills", new { id, date = Today(-10), quantity = 2, note = " first " }))
        {
            first = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal(id.ToString(), first.Str("id"));
            Assert.Equal("first", first.Str("note"));
            Assert.EndsWith($"/heating/refills/{id}", r.Headers.Location!.ToString());
        }
        using (var r = await owner.PostAsync($"{api}/refills", new { id, date = Today(-3), quantity = 5 }))
        {
            var again = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((Today(-10), 2.0), (again.Str("date"), again["quantity"]!.GetValue<double>()));
        }
        foreach (var days in new[] { -7, -4, -1 })
        {
            using var r = await owner.PostAsync($"{api}/refills", new { date = Today(days), quantity = 2 });
            await r.ExpectAsync(HttpStatusCode.Created);
        }

        var page = await owner.GetJsonAsync($"{api}/refills?pageSize=2");
        Assert.Equal(4, page["total"]!.GetValue<int>());
        Assert.Equal([Today(-1), Today(-4)], page["items"]!.AsArray().Select(i => i.Str("date")));
        var page2 = await owner.GetJsonAsync($"{api}/refills?pageSize=2&page=2");
        Assert.Equal([Today(-7), Today(-10)], page2["items"]!.AsArray().Select(i => i.Str("date")));
        var filtered = await owner.GetJsonAsync($"{api}/refills?from={Today(-8)}&to={Today(-2)}");
        Assert.Equal([Today(-4), Today(-7)], filtered["items"]!.AsArray().Select(i => i.Str("date")));

        using (var r = await owner.PutAsync($"{api}/refills/{id}", new { date = Today(-11), quantity = 3 }))
        {
            var edited = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((Today(-11), 3.0), (edited.Str("date"), edited["quantity"]!.GetValue<double>()));
            Assert.Null(edited["note"]);
        }
        using (var r = await owner.DeleteAsync($"{api}/refills/{id}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await owner.GetAsync($"{api}/refills/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await owner.DeleteAsync($"{api}/refills/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);

        using (var r = await owner.PostAsync($"{api}/refills", new { date = Today(3), meterReading = 5, note = new string('x', 501) }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.Contains("future", errors["date"]![0]!.GetValue<string>());
            Assert.True(errors.ContainsKey("quantity"));
            Assert.True(errors.ContainsKey("meterReading"));
            Assert.True(errors.ContainsKey("note"));
        }
        using (var r = await owner.PostAsync($"{api}/refills", new { date = Today(), quantity = 0 })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await owner.GetAsync($"{api}/refills?from={Today()}&to={Today(-1)}&pageSize=0"))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("to") && errors.ContainsKey("pageSize"));
        }
        Assert.Equal(3, (await owner.GetJsonAsync($"{api}/refills"))["total"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_priced_purchase_publishes_one_outbox_event_even_when_the_create_is_repeated(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, ownerId) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HomeAsync(owner, "Home");
        var api = Api(home);

        var id = Guid.NewGuid();
        var body = new { id, date = Today(-2), quantity = 70, totalPriceCents = 45_150L, supplier = "Pellets & Co" };
        using (var r = await owner.PostAsync($"{api}/purchases", body))
        {
            var created = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal(("bag", 45_150L), (created.Str("unit"), created["totalPriceCents"]!.GetValue<long>()));
        }
        using (var r = await owner.PostAsync($"{api}/purchases", body)) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await owner.PostAsync($"{api}/purchases", new { date = Today(-1), quantity = 300, unit = "kg" })) await r.ExpectAsync(HttpStatusCode.Created);

        var purchased = await OutboxAsync(host, "heating.fuel-purchased.v1");
        var evt = JsonNode.Parse(Assert.Single(purchased).Payload)!;
        Assert.Equal(id.ToString(), evt.Str("purchaseId"));
        Assert.Equal(home.ToString(), evt.Str("householdId"));
        Assert.Equal(ownerId.ToString(), evt.Str("recordedBy"));
        Assert.Equal(("woodPellets", "bag", "Pellets & Co"), (evt.Str("fuel"), evt.Str("unit"), evt.Str("supplier")));
        Assert.Equal(45_150L, evt["totalPriceCents"]!.GetValue<long>());
        Assert.Equal(70, evt["quantity"]!.GetValue<double>());

        using (var r = await owner.PutAsync($"{api}/purchases/{id}", new { date = Today(-2), quantity = 70, totalPriceCents = 44_000L }))
        {
            Assert.Equal(44_000L, (await r.ReadJsonAsync(HttpStatusCode.OK))["totalPriceCents"]!.GetValue<long>());
        }
        var changed = JsonNode.Parse(Assert.Single(await OutboxAsync(host, "heating.fuel-purchase-changed.v1")).Payload)!;
        Assert.Equal(44_000L, changed["totalPriceCents"]!.GetValue<long>());

        using (var r = await owner.DeleteAsync($"{api}/purchases/{id}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(id.ToString(), JsonNode.Parse(Assert.Single(await OutboxAsync(host, "heating.fuel-purchase-deleted.v1")).Payload)!.Str("purchaseId"));
        Assert.Single(await OutboxAsync(host, "heating.fuel-purchased.v1"));

        var list = await owner.GetJsonAsync($"{api}/purchases");
        var remaining = Assert.Single(list["items"]!.AsArray());
        Assert.Equal(("kg", 300.0), (remaining.Str("unit"), remaining!["quantity"]!.GetValue<double>()));

        using (var r = await owner.PostAsync($"{api}/purchases", new { date = Today(), quantity = -1, unit = "litre", totalPriceCents = -5 }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.Contains("bag, kg", errors["unit"]![0]!.GetValue<string>());
            Assert.True(errors.ContainsKey("quantity") && errors.ContainsKey("totalPriceCents"));
        }

        // 300 kg = 20 bags on hand; nothing put in yet.
        var stock = await owner.GetJsonAsync($"{api}/stock");
        Assert.True(stock["tracked"]!.GetValue<bool>());
        Assert.Equal(20, stock["onHandUnits"]!.GetValue<double>(), 9);
        Assert.Equal(1440, stock["onHandKwh"]!.GetValue<double>(), 9);
    }

    [Fact]
    public async Task Another_households_records_are_not_found_and_viewers_cannot_write()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (alice, _) = await Accounts.RegisterAsync(host, "alice@example.org");
        var (bob, _) = await Accounts.RegisterAsync(host, "bob@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (member, _) = await Accounts.RegisterAsync(host, "member@example.org");
        var aliceHome = await HomeAsync(alice, "Alice");
        var bobHome = await HomeAsync(bob, "Bob");
        await Accounts.JoinAsync(alice, aliceHome, viewer, "viewer@example.org", "viewer");
        await Accounts.JoinAsync(alice, aliceHome, member, "member@example.org", "member");

        Guid refillId, purchaseId;
        using (var r = await alice.PostAsync($"{Api(aliceHome)}/refills", new { date = Today(-1), quantity = 2 }))
            refillId = Guid.Parse((await r.ReadJsonAsync(HttpStatusCode.Created)).Str("id"));
        using (var r = await alice.PostAsync($"{Api(aliceHome)}/purchases", new { date = Today(-1), quantity = 10 }))
            purchaseId = Guid.Parse((await r.ReadJsonAsync(HttpStatusCode.Created)).Str("id"));

        // Bob, through his own household, with Alice's ids.
        foreach (var path in new[] { $"refills/{refillId}", $"purchases/{purchaseId}" })
        {
            using (var r = await bob.GetAsync($"{Api(bobHome)}/{path}")) await r.ExpectAsync(HttpStatusCode.NotFound);
            using (var r = await bob.PutAsync($"{Api(bobHome)}/{path}", new { date = Today(), quantity = 1 })) await r.ExpectAsync(HttpStatusCode.NotFound);
            using (var r = await bob.DeleteAsync($"{Api(bobHome)}/{path}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        }
        using (var r = await bob.PostAsync($"{Api(bobHome)}/refills", new { id = refillId, date = Today(), quantity = 1 })) await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await bob.PostAsync($"{Api(bobHome)}/purchases", new { id = purchaseId, date = Today(), quantity = 1 })) await r.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, (await bob.GetJsonAsync($"{Api(bobHome)}/refills"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await bob.GetJsonAsync($"{Api(bobHome)}/purchases"))["total"]!.GetValue<int>());
        // Alice's records are untouched by all of that.
        Assert.Equal(2.0, (await alice.GetJsonAsync($"{Api(aliceHome)}/refills/{refillId}"))["quantity"]!.GetValue<double>());
        Assert.Equal(10.0, (await alice.GetJsonAsync($"{Api(aliceHome)}/purchases/{purchaseId}"))["quantity"]!.GetValue<double>());
        Assert.Equal(0, (await bob.GetJsonAsync($"{Api(bobHome)}/stock"))["purchasedUnits"]!.GetValue<double>());
        // Bob, straight at Alice's household.
        foreach (var path in new[] { "settings", "refills", $"refills/{refillId}", "purchases", "stock", "temperatures", "analysis", "summary" })
        {
            using var r = await bob.GetAsync($"{Api(aliceHome)}/{path}");
            await r.ExpectAsync(HttpStatusCode.NotFound);
        }
        using (var r = await bob.DeleteAsync($"{Api(aliceHome)}/refills/{refillId}")) await r.ExpectAsync(HttpStatusCode.NotFound);

        // A viewer reads everything and writes nothing.
        foreach (var path in new[] { "settings", "refills", "purchases", "stock", "temperatures", "analysis", "summary" })
        {
            using var r = await viewer.GetAsync($"{Api(aliceHome)}/{path}");
            await r.ExpectAsync(HttpStatusCode.OK);
        }
        using (var r = await viewer.PostAsync($"{Api(aliceHome)}/refills", new { date = Today(), quantity = 1 })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PutAsync($"{Api(aliceHome)}/refills/{refillId}", new { date = Today(), quantity = 1 })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.DeleteAsync($"{Api(aliceHome)}/purchases/{purchaseId}")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PostAsync($"{Api(aliceHome)}/purchases", new { date = Today(), quantity = 1 })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PutAsync($"{Api(aliceHome)}/temperatures", new[] { new { date = Today(-1), meanC = 3.0 } })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PostAsync($"{Api(aliceHome)}/temperatures/fetch")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PutAsync($"{Api(aliceHome)}/settings", new { fuel = "firewood" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        // A member records, but only admins change settings.
        using (var r = await member.PostAsync($"{Api(aliceHome)}/refills", new { date = Today(), quantity = 1 })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await member.PutAsync($"{Api(aliceHome)}/settings", new { fuel = "firewood" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("woodPellets", (await alice.GetJsonAsync($"{Api(aliceHome)}/settings")).Str("fuel"));
    }

    [Fact]
    public async Task Meter_based_fuels_take_readings_and_have_no_stock()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HomeAsync(owner, "Home");
        var api = Api(home);
        using (var r = await owner.PutAsync($"{api}/settings", new { fuel = "naturalGas" })) await r.ExpectAsync(HttpStatusCode.OK);

        using (var r = await owner.PostAsync($"{api}/refills", new { date = Today(-1), quantity = 2 }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("meterReading") && errors.ContainsKey("quantity"));
        }
        foreach (var (days, reading) in new[] { (-20, 1000.0), (-10, 1030.0), (-1, 1075.0) })
        {
            using var r = await owner.PostAsync($"{api}/refills", new { date = Today(days), meterReading = reading });
            await r.ExpectAsync(HttpStatusCode.Created);
        }
        var analysis = await owner.GetJsonAsync($"{api}/analysis");
        Assert.Equal([30.0, 45.0], analysis["intervals"]!.AsArray().Select(i => i!["units"]!.GetValue<double>()));
        Assert.Equal(316.5, analysis["intervals"]![0]!["energyKwh"]!.GetValue<double>(), 9);
        var stock = await owner.GetJsonAsync($"{api}/stock");
        Assert.False(stock["tracked"]!.GetValue<bool>());
        Assert.Null((await owner.GetJsonAsync($"{api}/summary"))["stockOnHand"]);
    }

    /// <summary>A household in UTC, so the tests' "today" is the household's.</summary>
    internal static Task<Guid> HomeAsync(ApiClient client, string name) => Accounts.CreateHouseholdAsync(client, name, "UTC");

    internal static async Task<List<OutboxMessage>> OutboxAsync(TestHost host, string type)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var heating = scope.ServiceProvider.GetRequiredService<HeatingDb>();
        return await heating.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type).ToListAsync();
    }
}
