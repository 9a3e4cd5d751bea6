using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Persistence;
using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.IntegrationTests.Metrics;

namespace TrackStack.IntegrationTests.Reports;

/// <summary>Steps the reports tests share: a Berlin household with a product, a week of points and a dashboard of
/// three widgets (a line, bars grouped by room, a number).</summary>
internal static class ReportsApi
{
    public static string Api(Guid household) => $"/api/households/{household}/reports";

    /// <summary>Monday 2 November 2026, 07:00 in Berlin (CET, a week after the clocks went back).</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, string?> Smtp(SmtpSink sink) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:StartTls"] = "false",
        // The tests run the scheduler's passes themselves.
        ["Reports:PollSeconds"] = "3600",
    };

    /// <summary>With SMTP set up an account verifies its address before it signs in.</summary>
    public static async Task<(ApiClient Client, Guid UserId)> VerifiedAsync(TestHost host, SmtpSink sink, string email, string name)
    {
        var (_, id) = await Accounts.RegisterAsync(host, email, name);
        var token = TrackStack.IntegrationTests.Identity.EmailFlowTests.TokenFrom((await sink.WaitForAsync(email)).Body, "verify-email");
        using (var r = await host.CreateClient().PostAsync("/api/auth/verify-email", new { token })) await r.ExpectAsync(HttpStatusCode.OK);
        return (await Accounts.LoginAsync(host, email), id);
    }

    public static bool IsReport(SentMail m) => m.Subject.Contains("energy", StringComparison.Ordinal);

    public static async Task<(ApiClient Owner, Guid OwnerId, Guid Home, Guid Dashboard)> HouseholdWithDashboardAsync(TestHost host, SmtpSink sink, string email = "owner@example.org")
    {
        var (owner, ownerId) = await VerifiedAsync(host, sink, email, "Ada");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home", "Europe/Berlin");
        var product = await MetricsApi.ProductAsync(owner, home, "Meters");
        var (_, key) = await MetricsApi.KeyAsync(owner, home, product);
        using var http = MetricsApi.KeyClient(host);
        // One point a day of the week before Monday 2 November, in two rooms.
        var points = Enumerable.Range(0, 7).SelectMany(d => new object[]
        {
            new { metric = "power.kwh", value = 10 + d, timestamp = new DateTimeOffset(2026, 10, 26, 12, 0, 0, TimeSpan.FromHours(1)).AddDays(d).ToString("o"), tags = new { room = "kitchen" } },
            new { metric = "power.kwh", value = 2.5, timestamp = new DateTimeOffset(2026, 10, 26, 18, 0, 0, TimeSpan.FromHours(1)).AddDays(d).ToString("o"), tags = new { room = "office" } },
        }).ToArray();
        await MetricsApi.IngestAsync(http, key, new { points }).ExpectAsync(HttpStatusCode.Accepted);

        using var created = await owner.PostAsync($"/api/households/{home}/dashboards", new { name = "Energy" });
        var dashboard = await created.ReadJsonAsync(HttpStatusCode.Created);
        object W(string kind, string title, string? groupBy = null) =>
            new { kind, title, width = 2, query = new { metric = "power.kwh", agg = "sum", bucket = "day", range = "last-7-days", groupBy } };
        using (var r = await owner.PutAsync($"/api/households/{home}/dashboards/{dashboard.Str("id")}", new
        {
            name = "Energy",
            version = dashboard["version"]!.GetValue<long>(),
            widgets = new[] { W("line", "Power per day"), W("bar", "Power by room", "room"), W("number", "Power this week") },
        }))
        {
            await r.ReadJsonAsync(HttpStatusCode.OK);
        }
        return (owner, ownerId, home, Guid.Parse(dashboard.Str("id")));
    }

    public static async Task<JsonNode> WeeklyAsync(ApiClient client, Guid home, Guid dashboard, object? recipients = null)
    {
        using var r = await client.PostAsync($"{Api(home)}/schedules", new
        {
            name = "Weekly energy", dashboardId = dashboard, frequency = "weekly", weekday = 1, sendAt = "08:00", recipients,
        });
        return await r.ReadJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>Waits until the Reports module has seen the members (its projection of the Households events).</summary>
    public static async Task WaitForMembersAsync(TestHost host, Guid home, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using (var scope = host.Services.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(home);
                var db = scope.ServiceProvider.GetRequiredService<TrackStack.Reports.Infrastructure.ReportsDb>();
                if (await db.Members.CountAsync() >= count && await db.Users.CountAsync() >= count) return;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException("The Reports module did not see the household's members.");
            await Task.Delay(50);
        }
    }

    public static Task<int> RunSchedulerAsync(TestHost host) =>
        host.Services.GetRequiredService<TrackStack.Reports.Features.SendDueReports.SendDueReports>().RunOnceAsync(CancellationToken.None);
}
