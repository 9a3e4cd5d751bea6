using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SkiaSharp;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Reports.Infrastructure;
using static TrackStack.IntegrationTests.Reports.ReportsApi;

namespace TrackStack.IntegrationTests.Reports;

public sealed class ScheduledReportTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_weekly_report_arrives_once_at_8_local_with_charts_csv_and_a_working_unsubscribe(string provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock(Monday);
        await using var host = await TestHost.StartAsync(db, Smtp(sink), configure: b => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, clock));
        var (owner, ownerId, home, dashboard) = await HouseholdWithDashboardAsync(host, sink);
        await WaitForMembersAsync(host, home, 1);

        var schedule = await WeeklyAsync(owner, home, dashboard);
        // 08:00 in Berlin, on the next three Mondays.
        Assert.Equal(["2026-11-02T08:00:00+01:00", "2026-11-09T08:00:00+01:00", "2026-11-16T08:00:00+01:00"],
            schedule["nextSends"]!.AsArray().Select(t => DateTimeOffset.Parse(t!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));

        // Not due at 07:59 local; due at 08:00; a second pass sends nothing more.
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await RunSchedulerAsync(host));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunSchedulerAsync(host));
        Assert.Equal(0, await RunSchedulerAsync(host));
        var mail = await sink.WaitForAsync("owner@example.org", IsReport);
        Assert.Single(sink.All, IsReport);
        Assert.Contains("Weekly energy", mail.Subject, StringComparison.Ordinal);

        var message = MimeMessage.Load(new MemoryStream(mail.Raw));
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = message.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.StartsWith("http://localhost:8080/api/reports/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        Assert.True(message.TextBody!.Contains("Power this week: 108.5 (sum of power.kwh)", StringComparison.Ordinal), message.TextBody); // 10+…+16 + 7 × 2.5

        // Two charts, inline by Content-ID, each referenced from the HTML, each a real picture.
        var images = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(2, images.Count);
        foreach (var image in images)
        {
            Assert.Contains($"cid:{image.ContentId}", message.HtmlBody, StringComparison.Ordinal);
            using var bytes = new MemoryStream();
            await image.Content!.DecodeToAsync(bytes);
            using var bitmap = SKBitmap.Decode(bytes.ToArray());
            Assert.NotNull(bitmap);
            Assert.Equal(1200, bitmap.Width);
            Assert.True(bitmap.Pixels.Distinct().Take(20).Count() >= 20, "The chart is blank.");
        }

        // The CSV holds the query API's numbers for the period (Monday 26 October to Sunday 1 November, local).
        var csvPart = message.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/csv");
        using var csvBytes = new MemoryStream();
        await csvPart.Content!.DecodeToAsync(csvBytes);
        var rows = Encoding.UTF8.GetString(csvBytes.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).ToList();
        var lineRows = rows.Where(r => r[0] == "Power per day").Select(r => (r[3], r[4])).ToList();
        var query = await owner.GetJsonAsync($"/api/households/{home}/metrics/query?metric=power.kwh&from=2026-10-26&to=2026-11-02&bucket=day&agg=sum");
        var expected = query["series"]![0]!["points"]!.AsArray()
            .Select(p => (DateTimeOffset.Parse(p!["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                p["value"]!.GetValue<double>().ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(7, expected.Count);
        Assert.Equal(expected, lineRows);
        Assert.Equal(["kitchen", "office"], rows.Where(r => r[0] == "Power by room").Select(r => r[2]).Distinct().Order());

        // The delivery log says what happened.
        var log = await owner.GetJsonAsync($"{Api(home)}/deliveries");
        var run = log["items"]![0]!;
        Assert.Equal("sent", run.Str("status"));
        Assert.Equal(1, run["sentTo"]!.GetValue<int>());
        Assert.Contains("OK", run.Str("answer"), StringComparison.OrdinalIgnoreCase);

        // The unsubscribe page asks first (a link scanner changes nothing); the one-click POST takes the member off.
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var path = unsubscribe["http://localhost:8080".Length..];
        using (var page = await anonymous.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal([ownerId], (await owner.GetJsonAsync($"{Api(home)}/schedules/{schedule.Str("id")}"))["recipients"]!.AsArray().Select(r => Guid.Parse(r!.GetValue<string>())));
        using (var post = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        }
        Assert.Empty((await owner.GetJsonAsync($"{Api(home)}/schedules/{schedule.Str("id")}"))["recipients"]!.AsArray());
        using (var forged = await anonymous.PostAsync(path[..^4] + "AAAA", null)) Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task After_downtime_a_missed_run_is_sent_once_and_one_too_late_is_skipped()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var clock = new ManualClock(Monday);
        var settings = Smtp(sink);
        settings["Reports:MaxLatenessHours"] = "12";
        var (schedule, home) = (default(Guid), default(Guid));
        await using (var host = await TestHost.StartAsync(db, settings, configure: b => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, clock)))
        {
            var (owner, _, h, dashboard) = await HouseholdWithDashboardAsync(host, sink);
            await WaitForMembersAsync(host, h, 1);
            using var r = await owner.PostAsync($"{Api(h)}/schedules", new { name = "Daily energy", dashboardId = dashboard, frequency = "daily", sendAt = "08:00" });
            schedule = Guid.Parse((await r.ReadJsonAsync(HttpStatusCode.Created)).Str("id"));
            home = h;
        }

        // The server is down for three days and comes back at 10:00 local on Thursday: four daily sends were missed.
        // They become one run (not four), which is more than 12 h late: skipped; the next send is Friday's.
        clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(3));
        await using (var host = await TestHost.StartAsync(db, settings, configure: b => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, clock)))
        {
            await RunSchedulerAsync(host);
            await RunSchedulerAsync(host);
            using var scope = host.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(home);
            var reports = scope.ServiceProvider.GetRequiredService<ReportsDb>();
            var runs = await reports.Deliveries.AsNoTracking().ToListAsync();
            var only = Assert.Single(runs);
            // The missed Monday 08:00 run was found 3 days later: skipped, with the reason.
            Assert.Equal("skipped", only.Status);
            Assert.Contains("MaxLatenessHours", only.LastAnswer, StringComparison.Ordinal);
            var next = (await reports.Schedules.AsNoTracking().SingleAsync(s => s.Id == schedule)).NextDueAt!.Value;
            Assert.Equal(new DateTime(2026, 11, 6, 7, 0, 0, DateTimeKind.Utc), DateTime.SpecifyKind(next, DateTimeKind.Utc));
        }
        Assert.DoesNotContain(sink.All, IsReport);

        // Down again from Friday 07:00 UTC to 11:00 local: late, but within the limit: sent once.
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        await using (var host = await TestHost.StartAsync(db, settings, configure: b => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, clock)))
        {
            // The server's own first pass at start-up may have sent it already: either way, once.
            await RunSchedulerAsync(host);
            await RunSchedulerAsync(host);
        }
        await sink.WaitForAsync("owner@example.org", IsReport);
        Assert.Single(sink.All, IsReport);
    }
}
