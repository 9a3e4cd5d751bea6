using Microsoft.Extensions.DependencyInjection;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>A month in progress is compared with the same days of the previous months, not their whole totals.</summary>
public sealed class MonthComparisonTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_month_in_progress_is_compared_with_the_same_days_of_the_previous_months(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new PinnedClock();
        await using var host = await TestHost.StartAsync(db, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var api = await SignUpAsync(host, "so-far@example.org");
        // Signed in on the real clock (access tokens are checked against it), then the host's day is pinned.
        clock.Pin(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero));
        var groceries = await api.CategoryAsync("Groceries");

        // Each earlier month: a little on the 1st, rent later on.
        await api.AddAsync("2026-08-01", 1000, "Bakery", groceries);
        await api.AddAsync("2026-08-15", 100000, "Rent", groceries);
        await api.AddAsync("2026-09-01", 3000, "Bakery", groceries);
        await api.AddAsync("2026-09-20", 100000, "Rent", groceries);
        await api.AddAsync("2026-10-01", 2000, "Bakery", groceries);
        await api.AddAsync("2026-10-25", 100000, "Rent", groceries);
        await api.AddAsync("2026-11-01", 500, "Coffee", groceries);
        await api.AddAsync("2026-11-20", 9900, "Planned, dated later", groceries);

        // On the 1st: 500 so far against the average by the 1st (2000), not against whole months (~102000).
        var c = (await api.MonthAsync("2026-11"))["comparison"]!;
        Assert.Equal(1, c["throughDay"]!.GetValue<int>());
        Assert.Equal((500L, 2000L, 3), (Cents(c, "spentCents"), Cents(c, "previousAverageSpentCents"), c["monthsCounted"]!.GetValue<int>()));
        Assert.Equal((-1500L, -75m), (Cents(c, "deltaCents"), c["deltaPercent"]!.GetValue<decimal>()));

        // On the 30th every earlier month is counted up to its 30th (October's rent on the 25th, September's 30 days whole).
        clock.Pin(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        c = (await api.MonthAsync("2026-11"))["comparison"]!;
        Assert.Equal(30, c["throughDay"]!.GetValue<int>());
        Assert.Equal((10400L, 102000L), (Cents(c, "spentCents"), Cents(c, "previousAverageSpentCents")));

        // A past month compares whole months.
        var october = (await api.MonthAsync("2026-10"))["comparison"]!;
        Assert.Null(october["throughDay"]);
        Assert.Equal((102000L, 102000L, 2), (Cents(october, "spentCents"), Cents(october, "previousAverageSpentCents"), october["monthsCounted"]!.GetValue<int>()));
    }
}
