using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.IntegrationTests.Metrics;
using TrackStack.Metrics.Features.EvaluateAlerts;
using static TrackStack.IntegrationTests.Reports.ReportsApi;

namespace TrackStack.IntegrationTests.Reports;

public sealed class ReportRulesTests
{
    [Fact]
    public async Task Two_hosts_on_one_postgres_database_send_one_e_mail_per_due_run()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("postgres");
        var clock = new ManualClock(Monday);
        void Clock(WebApplicationBuilder b) => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, clock);
        await using var one = await TestHost.StartAsync(db, Smtp(sink), configure: Clock);
        await using var two = await TestHost.StartAsync(db, Smtp(sink), configure: Clock);
        var (owner, _, home, dashboard) = await HouseholdWithDashboardAsync(one, sink);
        await WaitForMembersAsync(one, home, 1);
        await WeeklyAsync(owner, home, dashboard);

        clock.Advance(TimeSpan.FromHours(1));
        // Both replicas claim and send at the same moment, twice over.
        await Task.WhenAll(RunSchedulerAsync(one), RunSchedulerAsync(two), RunSchedulerAsync(one), RunSchedulerAsync(two));
        await sink.WaitForAsync("owner@example.org", IsReport);
        await Task.Delay(500);
        Assert.Single(sink.All, IsReport);
        var log = await owner.GetJsonAsync($"{Api(home)}/deliveries");
        Assert.Equal(1, log["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Schedules_check_their_input_stay_in_their_household_and_viewers_only_read()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, Smtp(sink));
        var (owner, _, home, dashboard) = await HouseholdWithDashboardAsync(host, sink);
        var (viewer, viewerId) = await VerifiedAsync(host, sink, "viewer@example.org", "Vic");
        await Accounts.JoinAsync(owner, home, viewer, "viewer@example.org", "viewer");
        var (stranger, strangerId) = await VerifiedAsync(host, sink, "stranger@example.org", "Sam");
        var elsewhere = await Accounts.CreateHouseholdAsync(stranger, "Elsewhere", "UTC");

        async Task<IReadOnlyCollection<string>> Errors(object body)
        {
            using var r = await owner.PostAsync($"{Api(home)}/schedules", body);
            return (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).ToList();
        }
        Assert.Contains("frequency", await Errors(new { name = "x", dashboardId = dashboard, frequency = "hourly" }));
        Assert.Contains("cron", await Errors(new { name = "x", dashboardId = dashboard, frequency = "cron", cron = "* * * * *", period = "day" }));
        Assert.Contains("cron", await Errors(new { name = "x", dashboardId = dashboard, frequency = "cron", cron = "not cron", period = "day" }));
        Assert.Contains("period", await Errors(new { name = "x", dashboardId = dashboard, frequency = "cron", cron = "0 8 * * 1" }));
        Assert.Contains("weekday", await Errors(new { name = "x", dashboardId = dashboard, frequency = "weekly", weekday = 8 }));
        Assert.Contains("sendAt", await Errors(new { name = "x", dashboardId = dashboard, frequency = "daily", sendAt = "25:00" }));
        Assert.Contains("dashboardId", await Errors(new { name = "x", dashboardId = Guid.NewGuid(), frequency = "daily" }));
        Assert.Contains("recipients", await Errors(new { name = "x", dashboardId = dashboard, frequency = "daily", recipients = new[] { strangerId } }));
        Assert.Contains("name", await Errors(new { name = " ", dashboardId = dashboard, frequency = "daily" }));
        Assert.Contains("widgets", await Errors(new { name = "x", dashboardId = dashboard, frequency = "daily", widgets = new[] { 0, 3 } })); // 3 widgets: 0–2

        // The editor's preview of the next sends, before saving.
        var times = await owner.GetJsonAsync($"{Api(home)}/send-times?frequency=monthly&dayOfMonth=-1&sendAt=18:30");
        Assert.Equal(3, times["nextSends"]!.AsArray().Count);
        Assert.All(times["nextSends"]!.AsArray(), t => Assert.Contains("T18:30:00", t!.GetValue<string>(), StringComparison.Ordinal));

        var schedule = await WeeklyAsync(owner, home, dashboard, recipients: new[] { viewerId });
        var id = schedule.Str("id");
        using (var r = await viewer.PostAsync($"{Api(home)}/schedules", new { name = "Mine", dashboardId = dashboard, frequency = "daily" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.DeleteAsync($"{Api(home)}/schedules/{id}")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Single((await viewer.GetJsonAsync($"{Api(home)}/schedules")).AsArray());

        // Another household's member sees nothing of it, even with its id in the other household's path.
        using (var r = await stranger.GetAsync($"{Api(home)}/schedules")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.GetAsync($"{Api(elsewhere)}/schedules/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.DeleteAsync($"{Api(elsewhere)}/schedules/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.PostAsync($"{Api(elsewhere)}/schedules/{id}/send")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Empty((await stranger.GetJsonAsync($"{Api(elsewhere)}/schedules")).AsArray());

        // Send now goes to the caller only, as a preview; the preview page is the e-mail's HTML with the charts inline.
        var sent = await owner.PostAsync($"{Api(home)}/schedules/{id}/send").ReadAsync(HttpStatusCode.OK);
        Assert.Equal("sent", sent.Str("status"));
        var preview = await sink.WaitForAsync("owner@example.org", m => m.Subject.StartsWith("Preview: ", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.All, m => m.To.Contains("viewer@example.org") && IsReport(m));
        Assert.Contains("cid:chart-1@trackstack", preview.Html, StringComparison.Ordinal);
        using (var r = await owner.GetAsync($"{Api(home)}/schedules/{id}/preview"))
        {
            Assert.Equal("text/html", r.Content.Headers.ContentType!.MediaType);
            Assert.Contains("data:image/png;base64,", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Chosen widgets: only the first and the third (the number) are in the report.
        using (var chosen = await owner.PostAsync($"{Api(home)}/schedules", new { name = "Two widgets", dashboardId = dashboard, frequency = "daily", widgets = new[] { 2, 0 } }))
        {
            var body = await chosen.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal([0, 2], body["widgets"]!.AsArray().Select(w => w!.GetValue<int>()));
            using var r = await owner.GetAsync($"{Api(home)}/schedules/{body.Str("id")}/preview");
            var html = await r.Content.ReadAsStringAsync();
            Assert.Contains("Power per day", html, StringComparison.Ordinal);
            Assert.Contains("Power this week", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Power by room", html, StringComparison.Ordinal);
        }
        Assert.Null((await owner.GetJsonAsync($"{Api(home)}/schedules/{id}"))["widgets"]);

        // A member who leaves is taken off the schedule.
        var viewerMembership = $"/api/households/{home}/members/{viewerId}";
        using (var r = await owner.DeleteAsync(viewerMembership)) await r.ExpectAsync(HttpStatusCode.NoContent);
        var until = DateTime.UtcNow.AddSeconds(10);
        while ((await owner.GetJsonAsync($"{Api(home)}/schedules/{id}"))["recipients"]!.AsArray().Count > 0 && DateTime.UtcNow < until) await Task.Delay(50);
        Assert.Empty((await owner.GetJsonAsync($"{Api(home)}/schedules/{id}"))["recipients"]!.AsArray());
    }

    [Fact]
    public async Task A_firing_alert_and_its_resolution_are_e_mailed_to_the_members_the_rule_names()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var settings = Smtp(sink);
        settings["Metrics:AlertEvaluationSeconds"] = "0";
        await using var host = await TestHost.StartAsync(db, settings);
        var (owner, ownerId, home, _) = await HouseholdWithDashboardAsync(host, sink);
        await WaitForMembersAsync(host, home, 1);
        using (var r = await owner.PostAsync($"/api/households/{home}/metrics/alerts", new
        {
            name = "Power spike", metric = "power.kwh", agg = "sum", kind = "above", threshold = 10, window = "1d", notifyUserIds = new[] { ownerId },
        }))
        {
            await r.ReadJsonAsync(HttpStatusCode.Created);
        }
        var evaluator = host.Services.GetRequiredService<AlertEvaluator>();
        // The last day of points (1 November, 16 + 2.5 kWh) is above 10.
        Assert.Equal(1, (await evaluator.EvaluateAsync(new DateTime(2026, 11, 1, 20, 0, 0, DateTimeKind.Utc), CancellationToken.None)).Fired);
        var fired = await sink.WaitForAsync("owner@example.org", m => m.Subject == "Alert: Power spike");
        Assert.Contains("above 10", fired.Body, StringComparison.Ordinal);
        // Two clear evaluations resolve it.
        await evaluator.EvaluateAsync(new DateTime(2026, 11, 5, 20, 0, 0, DateTimeKind.Utc), CancellationToken.None);
        await evaluator.EvaluateAsync(new DateTime(2026, 11, 5, 20, 1, 0, DateTimeKind.Utc), CancellationToken.None);
        await sink.WaitForAsync("owner@example.org", m => m.Subject == "Resolved: Power spike");
        Assert.Single(sink.All, m => m.Subject == "Alert: Power spike");
    }
}
