using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Reports.ReportsApi;

namespace TrackStack.IntegrationTests.Reports;

/// <summary>Outside addresses on a report: invited by e-mail, sent nothing until they confirm by the signed link,
/// then sent each run without a link into the app, and off the schedule by their unsubscribe link.</summary>
public sealed partial class GuestRecipientTests
{
    [GeneratedRegex(@"http://localhost:8080(/api/reports/guests/confirm\?token=\S+)")]
    private static partial Regex ConfirmLink();

    private static bool IsInvitation(SentMail m) => m.Subject.StartsWith("Confirm:", StringComparison.Ordinal);

    private static bool IsReportMail(SentMail m) => IsReport(m) && !IsInvitation(m);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_outside_address_gets_reports_only_after_confirming_and_leaves_by_its_unsubscribe_link(string provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock(Monday);
        await using var host = await TestHost.StartAsync(db, Smtp(sink), configure: b => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, clock));
        var (owner, _, home, dashboard) = await HouseholdWithDashboardAsync(host, sink);
        await WaitForMembersAsync(host, home, 1);
        object Weekly(params string[] guests) => new { name = "Weekly energy", dashboardId = dashboard, frequency = "weekly", weekday = 1, sendAt = "08:00", guests };

        using (var bad = await owner.PostAsync($"{Api(home)}/schedules", Weekly("friend@example.net", "not an address")))
        {
            var errors = (await bad.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!;
            Assert.Contains("not an address", errors["guests"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
        using var created = await owner.PostAsync($"{Api(home)}/schedules", Weekly(" Friend@Example.net ", "cousin@example.com", "friend@example.net"));
        var schedule = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = schedule.Str("id");
        Assert.Equal([("cousin@example.com", "invited"), ("friend@example.net", "invited")],
            schedule["guests"]!.AsArray().Select(g => (g!.Str("email"), g.Str("status"))));

        var invitation = await sink.WaitForAsync("friend@example.net", IsInvitation);
        Assert.Contains("Ada of the household “Home” would like to e-mail you the report “Weekly energy”", invitation.Body, StringComparison.Ordinal);
        var confirm = ConfirmLink().Match(invitation.Body).Groups[1].Value;
        Assert.NotEmpty(confirm);

        // Before confirming: the first run goes to the member only.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await RunSchedulerAsync(host));
        await sink.WaitForAsync("owner@example.org", IsReportMail);
        Assert.DoesNotContain(sink.All, m => IsReportMail(m) && m.To.Any(t => t.Contains("example.net", StringComparison.Ordinal) || t.Contains("example.com", StringComparison.Ordinal)));

        // The link's page asks first (a mail scanner confirms nothing); the button confirms.
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        using (var page = await anonymous.GetAsync(confirm))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal("invited", (await owner.GetJsonAsync($"{Api(home)}/schedules/{id}"))["guests"]![1]!.Str("status"));
        using (var post = await anonymous.PostAsync(confirm, null)) Assert.Contains("Confirmed", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var forged = await anonymous.PostAsync(confirm[..^4] + "AAAA", null)) Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal([("cousin@example.com", "invited"), ("friend@example.net", "confirmed")],
            (await owner.GetJsonAsync($"{Api(home)}/schedules/{id}"))["guests"]!.AsArray().Select(g => (g!.Str("email"), g.Str("status"))));

        // The next Monday: the confirmed guest gets the report, without a link into the app; the other does not.
        clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await RunSchedulerAsync(host));
        var mail = await sink.WaitForAsync("friend@example.net", IsReportMail);
        Assert.DoesNotContain(sink.All, m => IsReportMail(m) && m.To.Contains("cousin@example.com"));
        var message = MimeMessage.Load(new MemoryStream(mail.Raw));
        Assert.DoesNotContain("Open the dashboard", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("you confirmed a household member's invitation", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, (await owner.GetJsonAsync($"{Api(home)}/deliveries"))["items"]![0]!["sentTo"]!.GetValue<int>());

        // The guest's unsubscribe link takes the address off; saving without the cousin removes it too.
        var unsubscribe = message.Headers["List-Unsubscribe"]!.Trim('<', '>')["http://localhost:8080".Length..];
        using (var post = await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))) Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(["cousin@example.com"], (await owner.GetJsonAsync($"{Api(home)}/schedules/{id}"))["guests"]!.AsArray().Select(g => g!.Str("email")));
        using (var replaced = await owner.PutAsync($"{Api(home)}/schedules/{id}", Weekly()))
        {
            Assert.Empty((await replaced.ReadJsonAsync(HttpStatusCode.OK))["guests"]!.AsArray());
        }
        using (var page = await anonymous.GetAsync(confirm)) Assert.Contains("Not on the list any more", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, sink.All.Count(IsInvitation));
    }
}
