using System.Net;
using Microsoft.EntityFrameworkCore;
using TrackStack.Heating.Infrastructure;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Heating.HeatingTests;

namespace TrackStack.IntegrationTests.Heating;

/// <summary>Reads write nothing: a household's heating settings are the defaults until an admin changes them, and
/// only that first change stores a row (also when two first changes arrive at once).</summary>
public sealed class SettingsDefaultsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reading_the_settings_stores_nothing_until_the_first_change(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var home = await HomeAsync(owner, "Home");
        await Accounts.JoinAsync(owner, home, viewer, "viewer@example.org", "viewer");
        var api = Api(home);

        foreach (var client in new[] { owner, viewer })
        {
            var defaults = await client.GetJsonAsync($"{api}/settings");
            Assert.Equal(("woodPellets", "bag", 72.0), (defaults.Str("fuel"), defaults.Str("unit"), defaults["kwhPerUnit"]!.GetValue<double>()));
            foreach (var path in new[] { "analysis", "stock", "summary", "temperatures" })
            {
                using var r = await client.GetAsync($"{api}/{path}");
                await r.ExpectAsync(HttpStatusCode.OK);
            }
        }
        // Recording reads the settings too (unit, metered or not), without storing them.
        using (var r = await owner.PostAsync($"{api}/refills", new { date = Today(-1), quantity = 2 })) await r.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(0, await SettingsRowsAsync(host));

        var changes = await Task.WhenAll(
            owner.PutAsync($"{api}/settings", new { fuel = "firewood" }),
            owner.PutAsync($"{api}/settings", new { fuel = "heatingOil" }));
        foreach (var r in changes)
        {
            using (r) await r.ExpectAsync(HttpStatusCode.OK);
        }
        Assert.Equal(1, await SettingsRowsAsync(host));
        Assert.Contains((await owner.GetJsonAsync($"{api}/settings")).Str("fuel"), new[] { "firewood", "heatingOil" });
    }

    private static async Task<int> SettingsRowsAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        // Every household's rows: a row stored anywhere by a read would count.
        return await scope.ServiceProvider.GetRequiredService<HeatingDb>().Settings.IgnoreQueryFilters().CountAsync();
    }
}
