using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Reports.Infrastructure;
using static TrackStack.IntegrationTests.Reports.ReportsApi;

namespace TrackStack.IntegrationTests.Reports;

public sealed class DigestTests
{
    /// <summary>Monday 30 November 2026 17:00 in Berlin (CET): an hour before the month-end digest.</summary>
    private static readonly DateTimeOffset MonthEnd = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

    private static bool IsExpensesDigest(SentMail m) => m.Subject.Contains("The month's expenses", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_month_end_expenses_digest_goes_once_to_who_turned_it_on_with_the_month_sheets_figures(string provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock(MonthEnd);
        await using var host = await TestHost.StartAsync(db, Smtp(sink), configure: b => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, clock));
        var (ada, adaId) = await VerifiedAsync(host, sink, "ada@example.org", "Ada");
        var home = await Accounts.CreateHouseholdAsync(ada, "Home", "Europe/Berlin");
        var (bob, _) = await VerifiedAsync(host, sink, "bob@example.org", "Bob");
        await Accounts.JoinAsync(ada, home, bob, "bob@example.org", "member");
        await WaitForMembersAsync(host, home, 2);

        var expenses = new TrackStack.IntegrationTests.Expenses.ExpensesApi(ada, home);
        using (var r = await ada.PutAsync($"{expenses.Base}/settings", new { monthlyIncomeCents = 300000 })) await r.ExpectAsync(HttpStatusCode.OK);
        // A checklist template is copied into a month when the month opens (its first entry).
        using (var r = await ada.PostAsync($"{expenses.Base}/checklist", new { title = "Insurance", amountCents = 5000, dueDay = 15 })) await r.ExpectAsync(HttpStatusCode.Created);
        await expenses.AddAsync("2026-11-03", 12000, "Market", await expenses.CategoryAsync("Groceries"));
        await expenses.AddAsync("2026-11-07", 48000, "Birthday dinner", await expenses.CategoryAsync("Restaurants"));
        await expenses.AddAsync("2026-11-09", 2500, "Cinema", await expenses.CategoryAsync("Restaurants"));

        // Off by default for everyone; Ada turns it on and sees its next send, 18:00 on the month's last day.
        Assert.All((await bob.GetJsonAsync($"{Api(home)}/digests/me")).AsArray(), d => Assert.False(d!["enabled"]!.GetValue<bool>()));
        JsonNode choices;
        using (var r = await ada.PutAsync($"{Api(home)}/digests/me", new { digests = new[] { new { kind = "expenses-month", enabled = true } } }))
            choices = await r.ReadJsonAsync(HttpStatusCode.OK);
        var mine = choices.AsArray().Single(d => d.Str("kind") == "expenses-month")!;
        Assert.True(mine["enabled"]!.GetValue<bool>());
        Assert.Equal("2026-11-30T18:00:00+01:00", Local(mine.Str("nextSend")));
        Assert.False(choices.AsArray().Single(d => d.Str("kind") == "heating-week")!["enabled"]!.GetValue<bool>());

        // Not due at 17:59; at 18:00 two passes at once send it once; a third sends nothing.
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await RunSchedulerAsync(host));
        clock.Advance(TimeSpan.FromMinutes(1));
        var passes = await Task.WhenAll(RunSchedulerAsync(host), RunSchedulerAsync(host));
        Assert.Equal(1, passes.Sum());
        Assert.Equal(0, await RunSchedulerAsync(host));
        var mail = await sink.WaitForAsync("ada@example.org", IsExpensesDigest);
        Assert.Single(sink.All, IsExpensesDigest);
        Assert.DoesNotContain(sink.All, m => m.To.Contains("bob@example.org") && IsExpensesDigest(m));

        // The figures are the month sheet's, as the Expenses API answers them.
        var month = await expenses.MonthAsync("2026-11");
        var message = MimeMessage.Load(new MemoryStream(mail.Raw));
        var rows = await CsvAsync(message);
        foreach (var tank in month["tanks"]!.AsArray())
        {
            Assert.Equal(Money(tank!["remainingCents"]), rows.Single(r => r[1] == "expenses.tank.remaining" && r[2] == tank.Str("key"))[4]);
        }
        Assert.Equal(month["categories"]!.AsArray().Select(c => (c.Str("name"), Money(c!["spentCents"]))),
            rows.Where(r => r[1] == "expenses.category.spent").Select(r => (r[2], r[4])));
        Assert.Equal(month["pendingObligations"]!["items"]!.AsArray().Select(o => (o.Str("title"), Money(o!["amountCents"]))),
            rows.Where(r => r[1] == "expenses.bill.pending").Select(r => (r[2], r[4])));
        Assert.Equal(Money(month["remainingCents"]), rows.Single(r => r[1] == "expenses.remaining")[4]);
        Assert.Equal(["Insurance"], rows.Where(r => r[1] == "expenses.bill.pending").Select(r => r[2]));
        // And in words, in the text and the HTML.
        Assert.Contains("Biggest categories: Restaurants: 505.00 EUR; Groceries: 120.00 EUR.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 pending, 50.00 EUR: Insurance 50.00 EUR (due on day 15).", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Income 3,000.00 EUR, spent 625.00 EUR: 2,375.00 EUR remain.", message.HtmlBody, StringComparison.Ordinal);

        // The one-click unsubscribe turns off this digest for Ada, and only it.
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = message.Headers["List-Unsubscribe"]!.Trim('<', '>')["http://localhost:8080".Length..];
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        using (var post = await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.False((await ada.GetJsonAsync($"{Api(home)}/digests/me")).AsArray().Single(d => d.Str("kind") == "expenses-month")!["enabled"]!.GetValue<bool>());

        // The delivery log has the run; the dashboards' schedule list does not show digests.
        var log = await ada.GetJsonAsync($"{Api(home)}/deliveries");
        Assert.Equal(("sent", 1), (log["items"]![0].Str("status"), log["items"]![0]!["sentTo"]!.GetValue<int>()));
        Assert.Empty((await ada.GetJsonAsync($"{Api(home)}/schedules")).AsArray());
        _ = adaId;
    }

    [Fact]
    public async Task The_heating_digest_shows_the_summary_of_its_day_and_a_chart_against_last_season()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        // The heating API answers for today: the digest's clock is today too.
        await using var host = await TestHost.StartAsync(db, Smtp(sink), configure: b => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, new ManualClock(DateTimeOffset.UtcNow)));
        var (ada, _) = await VerifiedAsync(host, sink, "ada@example.org", "Ada");
        var home = await Accounts.CreateHouseholdAsync(ada, "Home", "Europe/Berlin");
        await WaitForMembersAsync(host, home, 1);
        var heating = $"/api/households/{home}/heating";
        static string Day(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var r = await ada.PostAsync($"{heating}/purchases", new { date = Day(-400), quantity = 60, totalPriceCents = 30000L })) await r.ExpectAsync(HttpStatusCode.Created);
        foreach (var (days, bags) in new[] { (-390, 2), (-370, 3), (-350, 4), (-40, 2), (-25, 3), (-10, 4) })
        {
            using var r = await ada.PostAsync($"{heating}/refills", new { date = Day(days), quantity = bags });
            await r.ExpectAsync(HttpStatusCode.Created);
        }

        using (var r = await ada.PostAsync($"{Api(home)}/digests/heating-week/send"))
            Assert.Equal("sent", (await r.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        var mail = await sink.WaitForAsync("ada@example.org", m => m.Subject.StartsWith("Preview: Heating this week", StringComparison.Ordinal));
        var message = MimeMessage.Load(new MemoryStream(mail.Raw));
        var rows = await CsvAsync(message);
        var summary = await ada.GetJsonAsync($"{heating}/summary");
        string N(JsonNode? v) => v!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);
        Assert.Equal(N(summary["seasonToDate"]!["units"]), rows.Single(r => r[1] == "heating.season.units" && r[2] == "this season")[4]);
        Assert.Equal(N(summary["lastSeasonSameDate"]!["units"]), rows.Single(r => r[1] == "heating.season.units" && r[2] == "last season")[4]);
        Assert.Equal(N(summary["stockOnHand"]), rows.Single(r => r[1] == "heating.stock")[4]);
        Assert.Contains($"Last refill on {DateOnly.Parse(summary.Str("lastRefillDate"), CultureInfo.InvariantCulture).ToString("d", CultureInfo.GetCultureInfo("en-GB"))}.", message.TextBody, StringComparison.Ordinal);
        if (summary["runOutDate"] is JsonValue runOut)
        {
            Assert.Contains(DateOnly.Parse(runOut.GetValue<string>(), CultureInfo.InvariantCulture).ToString("d", CultureInfo.GetCultureInfo("en-GB")), message.TextBody, StringComparison.Ordinal);
        }
        // The analysis' months of this season and last, as the heating analysis answers them, and drawn.
        var analysis = await ada.GetJsonAsync($"{heating}/analysis");
        Assert.Equal(analysis["monthly"]!.AsArray().Select(m => N(m!["lastSeasonUnits"])),
            rows.Where(r => r[1] == "heating.units" && r[2] == "Last season").Select(r => r[4]));
        var image = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
        Assert.Contains($"cid:{image.ContentId}", message.HtmlBody, StringComparison.Ordinal);

        using (var r = await ada.GetAsync($"{Api(home)}/digests/heating-week/preview"))
        {
            Assert.Equal("text/html", r.Content.Headers.ContentType!.MediaType);
            Assert.Contains("data:image/png;base64,", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_nutrition_digest_gives_each_member_their_own_week_against_their_own_targets_and_nobody_elses()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var clock = new ManualClock(Monday.AddHours(-1));
        await using var host = await TestHost.StartAsync(db, Smtp(sink), configure: b => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, clock));
        var (ada, _) = await VerifiedAsync(host, sink, "ada@example.org", "Ada");
        var home = await Accounts.CreateHouseholdAsync(ada, "Home", "Europe/Berlin");
        var (bob, _) = await VerifiedAsync(host, sink, "bob@example.org", "Bob");
        await Accounts.JoinAsync(ada, home, bob, "bob@example.org", "member");
        await WaitForMembersAsync(host, home, 2);
        var nutrition = $"/api/households/{home}/nutrition";
        using (var r = await ada.PutAsync($"{nutrition}/targets", new { kcal = 2000, protein = 100 })) await r.ExpectAsync(HttpStatusCode.OK);
        async Task Log(ApiClient who, string date, double kcal, double protein)
        {
            using var r = await who.PostAsync($"{nutrition}/log", new { date, meal = "lunch", label = "Meal", kcal, protein });
            await r.ExpectAsync(HttpStatusCode.Created);
        }
        await Log(ada, "2026-10-27", 2000, 100);
        await Log(ada, "2026-10-29", 1500, 80);
        await Log(bob, "2026-10-28", 3333, 222);
        await Log(bob, "2026-11-02", 1111, 11);
        foreach (var who in new[] { ada, bob })
        {
            using var r = await who.PutAsync($"{Api(home)}/digests/me", new { digests = new[] { new { kind = "nutrition-week", enabled = true } } });
            await r.ExpectAsync(HttpStatusCode.OK);
        }

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await RunSchedulerAsync(host));
        static bool IsNutrition(SentMail m) => m.Subject.Contains("Your nutrition this week", StringComparison.Ordinal);
        var adaMail = MimeMessage.Load(new MemoryStream((await sink.WaitForAsync("ada@example.org", IsNutrition)).Raw));
        var bobMail = MimeMessage.Load(new MemoryStream((await sink.WaitForAsync("bob@example.org", IsNutrition)).Raw));
        Assert.Equal(2, sink.All.Count(IsNutrition));

        // Each one's figures are the week endpoint's for that member (Monday 26 October to Sunday 1 November).
        foreach (var (who, mail) in new[] { (ada, adaMail), (bob, bobMail) })
        {
            var week = await who.GetJsonAsync($"{nutrition}/log/week?date=2026-11-01");
            var rows = await CsvAsync(mail);
            string N(JsonNode? v) => v!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);
            Assert.Equal(N(week["averageKcal"]), rows.Single(r => r[1] == "nutrition.average" && r[2] == "kcal")[4]);
            Assert.Equal(N(week["averageProtein"]), rows.Single(r => r[1] == "nutrition.average" && r[2] == "protein")[4]);
            Assert.Equal(week["days"]!.AsArray().Where(d => d!["entries"]!.GetValue<int>() > 0).Select(d => N(d!["kcal"])),
                rows.Where(r => r[1] == "nutrition.kcal").Select(r => r[4]));
        }
        Assert.Contains("Calories: 1,750 kcal a day on average against your target of 2,000 kcal (88", adaMail.TextBody, StringComparison.Ordinal);
        // Bob's diary appears nowhere in Ada's e-mail (text, HTML or CSV), nor hers in his.
        var adaRaw = Encoding.UTF8.GetString((await sink.WaitForAsync("ada@example.org", IsNutrition)).Raw);
        Assert.DoesNotContain("3333", adaMail.TextBody + adaMail.HtmlBody + string.Join("|", (await CsvAsync(adaMail)).Select(r => r[4])), StringComparison.Ordinal);
        Assert.DoesNotContain("3,333", adaMail.TextBody + adaMail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", adaRaw, StringComparison.Ordinal);
        Assert.DoesNotContain("1,750", bobMail.TextBody + bobMail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("3,333", bobMail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_training_digest_sums_the_members_own_workouts_of_last_week()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, Smtp(sink), configure: b => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, new ManualClock(DateTimeOffset.UtcNow)));
        var (ada, _) = await VerifiedAsync(host, sink, "ada@example.org", "Ada");
        var home = await Accounts.CreateHouseholdAsync(ada, "Home", "Europe/Berlin");
        var (bob, _) = await VerifiedAsync(host, sink, "bob@example.org", "Bob");
        await Accounts.JoinAsync(ada, home, bob, "bob@example.org", "member");
        await WaitForMembersAsync(host, home, 2);
        var training = $"/api/households/{home}/training";
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone));
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);
        DateTime At(int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(lastMonday.AddDays(day).ToDateTime(new TimeOnly(hour, 0)), zone);
        var squat = TrackStack.IntegrationTests.Training.TrainingApi.Exercise("Squat (Barbell)");
        async Task Log(ApiClient who, DateTime started, double kg, int sets)
        {
            using var r = await who.PostAsync($"{training}/workouts", new
            {
                name = "Legs", startedAt = started.ToString("o"), endedAt = started.AddMinutes(45).ToString("o"),
                sets = Enumerable.Range(0, sets).Select(_ => new { exerciseId = squat, weightKg = kg, reps = 5, kind = "working" }).ToArray(),
            });
            await r.ExpectAsync(HttpStatusCode.Created);
        }
        await Log(ada, At(1, 18), 100, 3);
        await Log(ada, At(3, 18), 105, 2);
        await Log(bob, At(2, 18), 222, 7);

        using (var r = await ada.PostAsync($"{Api(home)}/digests/training-week/send")) await r.ExpectAsync(HttpStatusCode.OK);
        var message = MimeMessage.Load(new MemoryStream((await sink.WaitForAsync("ada@example.org", m => m.Subject.Contains("Your training this week", StringComparison.Ordinal))).Raw));
        var rows = await CsvAsync(message);
        var from = At(0, 0).ToString("o");
        var to = TimeZoneInfo.ConvertTimeToUtc(lastMonday.AddDays(7).ToDateTime(TimeOnly.MinValue), zone).AddMilliseconds(-1).ToString("o");
        var workouts = await ada.GetJsonAsync($"{training}/workouts?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}");
        var items = workouts["items"]!.AsArray();
        string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        Assert.Equal(workouts["total"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), rows.Single(r => r[1] == "training.week" && r[2] == "sessions")[4]);
        Assert.Equal(R(items.Sum(w => w!["volumeKg"]!.GetValue<double>())), rows.Single(r => r[1] == "training.week" && r[2] == "volume_kg")[4]);
        Assert.Equal("5", rows.Single(r => r[1] == "training.week" && r[2] == "sets")[4]);
        Assert.Contains("2 sessions, 5 sets, 2,550 kg lifted in all.", message.TextBody, StringComparison.Ordinal);
        // Bob's workout is his: not in Ada's digest.
        Assert.DoesNotContain("222", string.Join("|", rows.Select(r => r[4])) + message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choices_are_checked_are_each_members_own_and_end_when_the_member_leaves()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var clock = new ManualClock(Monday);
        await using var host = await TestHost.StartAsync(db, Smtp(sink), configure: b => b.Services.AddKeyedSingleton<TimeProvider>(TrackStack.Reports.ReportsModule.Clock, clock));
        var (ada, _) = await VerifiedAsync(host, sink, "ada@example.org", "Ada");
        var home = await Accounts.CreateHouseholdAsync(ada, "Home", "Europe/Berlin");
        var (vic, vicId) = await VerifiedAsync(host, sink, "vic@example.org", "Vic");
        await Accounts.JoinAsync(ada, home, vic, "vic@example.org", "viewer");
        await WaitForMembersAsync(host, home, 2);

        using (var r = await ada.PutAsync($"{Api(home)}/digests/me", new { digests = new[] { new { kind = "gardening", enabled = true } } }))
            Assert.Contains("digests[0].kind", (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        using (var r = await ada.PostAsync($"{Api(home)}/digests/gardening/send")) await r.ExpectAsync(HttpStatusCode.NotFound);

        // A viewer may choose their own digests; Ada's stay off.
        using (var r = await vic.PutAsync($"{Api(home)}/digests/me", new { digests = new[] { new { kind = "heating-week", enabled = true } } }))
        {
            var heating = (await r.ReadJsonAsync(HttpStatusCode.OK)).AsArray().Single(d => d.Str("kind") == "heating-week")!;
            Assert.Equal("2026-11-09T07:00:00+01:00", Local(heating.Str("nextSend")));
        }
        Assert.All((await ada.GetJsonAsync($"{Api(home)}/digests/me")).AsArray(), d => Assert.False(d!["enabled"]!.GetValue<bool>()));

        // Vic leaves: the digest stops (nobody has it on any more).
        using (var r = await ada.DeleteAsync($"/api/households/{home}/members/{vicId}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var scope = host.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(home);
            var row = await scope.ServiceProvider.GetRequiredService<ReportsDb>().Schedules.AsNoTracking().SingleAsync(s => s.Digest == "heating-week");
            if (row.RecipientUserIds.Count == 0)
            {
                Assert.False(row.Enabled);
                break;
            }
            Assert.True(DateTime.UtcNow < until, "The member who left still gets the digest.");
            await Task.Delay(50);
        }
        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(2));
        await RunSchedulerAsync(host);
        Assert.DoesNotContain(sink.All, m => m.Subject.Contains("Heating this week", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_now_without_SMTP_is_a_conflict()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (ada, _) = await Accounts.RegisterAsync(host, "ada@example.org");
        var home = await Accounts.WaitForPersonalHouseholdAsync(ada);
        using var r = await ada.PostAsync($"{Api(home)}/digests/expenses-month/send");
        await r.ExpectAsync(HttpStatusCode.Conflict);
    }

    private static string Money(JsonNode? cents) => (cents!.GetValue<long>() / 100.0).ToString("R", CultureInfo.InvariantCulture);

    private static string Local(string time) =>
        DateTimeOffset.Parse(time, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task<List<string[]>> CsvAsync(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/csv");
        using var bytes = new MemoryStream();
        await part.Content!.DecodeToAsync(bytes);
        return Encoding.UTF8.GetString(bytes.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).ToList();
    }
}
