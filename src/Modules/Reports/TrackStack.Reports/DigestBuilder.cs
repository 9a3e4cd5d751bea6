using System.Diagnostics;
using TrackStack.Expenses.Contracts;
using TrackStack.Heating.Contracts;
using TrackStack.Nutrition.Contracts;
using TrackStack.Training.Contracts;
using TrackStack.Reports.Rendering;

namespace TrackStack.Reports;

/// <summary>A built-in digest's figures for one period, read through the data modules' digest ports and shaped as a
/// report (each figure in words, a chart where it helps, the figures as CSV), so ReportEmail and ReportSender treat it
/// like a dashboard's report. The ports are in-process: a process without the module fails the run with that message.</summary>
internal sealed class DigestBuilder(IServiceProvider services)
{
    /// <summary><paramref name="userId"/> is the recipient: a per-member digest reads their data only.</summary>
    public async Task<BuiltReport> BuildAsync(DigestKind kind, Guid householdId, Guid userId, DateTime fromUtc, DateTime toUtc, DateTime dueUtc, HouseholdContext context, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var zone = SendTimes.Zone(context.TimeZone);
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), zone));
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(toUtc, DateTimeKind.Utc), zone)).AddDays(-1);
        var culture = ReportBuilder.Culture(context.Locale);
        var start = ScheduleResponses.Local(fromUtc, zone);
        var (title, widgets) = kind.Kind switch
        {
            "expenses-month" => ("Expenses", ExpensesWidgets(await Reader<IExpensesDigestReader>(kind).ReadMonthAsync(householdId, context, firstDay.Year, firstDay.Month, ct), start, culture)),
            "heating-week" => ("Heating", HeatingWidgets(await Reader<IHeatingDigestReader>(kind).ReadAsync(householdId, context, ScheduleResponses.Local(dueUtc, zone), ct), zone, culture)),
            "nutrition-week" => ("Nutrition", NutritionWidgets(await Reader<INutritionDigestReader>(kind).ReadWeekAsync(householdId, userId, lastDay, ct), zone, culture)),
            "training-week" => ("Training", TrainingWidgets(await Reader<ITrainingDigestReader>(kind).ReadAsync(householdId, userId, fromUtc, toUtc, ct), start, zone, culture)),
            _ => throw new InvalidOperationException($"Unknown digest {kind.Kind}."),
        };
        return new BuiltReport(Guid.Empty, title, firstDay, BuiltReport.Period(firstDay, lastDay, culture), widgets,
            ReportCsv.ToBytes(widgets.Select(w => w.Data)), culture, Stopwatch.GetElapsedTime(started))
        {
            CsvNote = "The figures are attached as CSV.",
            LinkText = $"Open {title}",
            Reason = kind.PerMember
                ? "You receive this digest, of your own data only, because you turned it on in your profile."
                : "You receive this digest because you turned it on in your profile.",
        };
    }

    private T Reader<T>(DigestKind kind) where T : class => services.GetService<T>()
        ?? throw new InvalidOperationException($"The {kind.Kind} digest needs the {kind.Page} module in the same process as Reports.");

    private static List<BuiltWidget> ExpensesWidgets(ExpensesMonthFigures f, DateTimeOffset start, CultureInfo culture)
    {
        string Money(long cents) => (cents / 100m).ToString("N2", culture) + " " + f.Currency;
        ReportCsvWidget Csv(string widget, string metric, IEnumerable<(string Series, long Cents)> values) =>
            new(widget, metric, values.Select(v => new ChartSeries(v.Series, [new ChartPoint(start, v.Cents / 100.0)])).ToList());
        var widgets = new List<BuiltWidget>
        {
            new("This month", "number", $"Income {Money(f.IncomeCents)}, spent {Money(f.SpentCents)}: {Money(f.RemainingCents)} remain.", null,
                Csv("This month", "expenses.remaining", [("", f.RemainingCents)])),
        };
        foreach (var t in f.Tanks)
        {
            var words = t.Over
                ? $"Over by {Money(-t.RemainingCents)}: spent {Money(t.SpentCents)} of {Money(t.BudgetCents)}."
                : $"{Money(t.RemainingCents)} remain of {Money(t.BudgetCents)} (spent {Money(t.SpentCents)}).";
            widgets.Add(new BuiltWidget(t.Name, "number", words, null, Csv(t.Name, "expenses.tank.remaining", [(t.Key, t.RemainingCents)])));
        }
        var top = f.Categories.Take(5).ToList();
        widgets.Add(new BuiltWidget("Biggest categories", "table",
            top.Count == 0 ? "Nothing spent this month." : string.Join("; ", top.Select(c => $"{c.Name}: {Money(c.SpentCents)}")) + ".", null,
            Csv("Biggest categories", "expenses.category.spent", top.Select(c => (c.Name, c.SpentCents)))));
        widgets.Add(new BuiltWidget("Pending bills", "table",
            f.PendingBills.Count == 0 ? "None: every bill of the month is ticked off."
                : $"{f.PendingBills.Count} pending, {Money(f.PendingBills.Sum(b => b.AmountCents))}: " +
                  string.Join("; ", f.PendingBills.Select(b => $"{b.Title} {Money(b.AmountCents)}" + (b.DueDay is { } d ? $" (due on day {d})" : ""))) + ".",
            null, Csv("Pending bills", "expenses.bill.pending", f.PendingBills.Select(b => (b.Title, b.AmountCents)))));
        return widgets;
    }

    private static List<BuiltWidget> HeatingWidgets(HeatingFigures f, TimeZoneInfo zone, CultureInfo culture)
    {
        string Units(double v) => v.ToString("#,##0.##", culture) + " " + f.UnitLabel;
        DateTimeOffset At(DateOnly day) => ScheduleResponses.Local(SendTimes.StartOfDayUtc(day, zone), zone);
        var today = At(f.Today);
        var delta = f.DeltaPct is { } p ? $"{(p >= 0 ? "+" : "")}{p.ToString("0.#", culture)} %" : "no figure of last season to compare";
        var season = $"{Units(f.SeasonUnits)} ({f.SeasonKwh.ToString("#,##0", culture)} kWh) this season ({f.SeasonLabel}) to {f.Today.ToString("d", culture)}; " +
            $"last season by the same date {Units(f.LastSeasonUnits)}: {delta}.";
        var stock = f.StockOnHand is not { } onHand ? "No stock is kept for this fuel."
            : f.RunOutDate is { } runOut ? $"{Units(onHand)} left; at the expected use it runs out around {runOut.ToString("d", culture)} (in {f.DaysOfStockLeft} days)."
            : $"{Units(onHand)} left; no run-out forecast yet.";
        var refill = f.LastRefillDate is { } last ? $"Last refill on {last.ToString("d", culture)}." : "No refill logged yet.";
        ChartSeries Series(string name, Func<HeatingMonthFigure, double?> value) =>
            new(name, f.Months.Where(m => value(m) is not null).Select(m => new ChartPoint(At(m.From), value(m)!.Value)).ToList());
        var months = new List<ChartSeries> { Series("This season", m => m.Units), Series("Last season", m => m.LastSeasonUnits) };
        var png = ChartRenderer.RenderPng(new ChartSpec("Use per month against last season", ChartKind.Line, f.UnitLabel, months, culture) { Bucket = ChartBucket.Month });
        return
        [
            new("Use against last season", "line", season, png, new ReportCsvWidget("Use per month", "heating.units", months)),
            new("Stock", "number", stock, null, new ReportCsvWidget("Stock", "heating.stock", f.StockOnHand is { } s ? [new ChartSeries("", [new ChartPoint(today, s)])] : [])),
            new("Refills", "number", refill, null, new ReportCsvWidget("Season to date", "heating.season.units",
                [new ChartSeries("this season", [new ChartPoint(today, f.SeasonUnits)]), new ChartSeries("last season", [new ChartPoint(today, f.LastSeasonUnits)])])),
        ];
    }

    private static List<BuiltWidget> NutritionWidgets(NutritionWeekFigures f, TimeZoneInfo zone, CultureInfo culture)
    {
        DateTimeOffset At(DateOnly day) => ScheduleResponses.Local(SendTimes.StartOfDayUtc(day, zone), zone);
        string Against(double? average, double? target, string unit) => average is { } a && target is { } t
            ? $"{a.ToString("#,##0.#", culture)} {unit} a day on average against your target of {t.ToString("#,##0.#", culture)} {unit} ({(t == 0 ? "" : (a / t).ToString("P0", culture) + " of it")})."
            : "Nothing logged last week.";
        var logged = f.Days.Where(d => d.Entries > 0).ToList();
        ChartSeries Series(string name, Func<NutritionDayFigure, double> value, IEnumerable<NutritionDayFigure> days) =>
            new(name, days.Select(d => new ChartPoint(At(d.Date), value(d))).ToList());
        var kcal = new List<ChartSeries> { Series("kcal", d => d.Kcal, logged) };
        var png = ChartRenderer.RenderPng(new ChartSpec("Calories per day", ChartKind.Bar, "kcal", kcal, culture)
        {
            Bucket = ChartBucket.Day,
            Target = f.AverageKcalTarget,
            EmptyText = "Nothing logged last week",
        });
        return
        [
            new("Calories", "bar", Against(f.AverageKcal, f.AverageKcalTarget, "kcal"), png, new ReportCsvWidget("Calories per day", "nutrition.kcal", kcal)),
            new("Protein", "number", Against(f.AverageProtein, f.AverageProteinTarget, "g"), null,
                new ReportCsvWidget("Protein per day", "nutrition.protein", [Series("protein", d => d.Protein, logged)])),
            new("Days logged", "number", $"{f.LoggedDays} of 7 days logged; a streak of {f.Streak} days.", null,
                new ReportCsvWidget("Averages", "nutrition.average", [
                    new ChartSeries("kcal", f.AverageKcal is { } k ? [new ChartPoint(At(f.From), k)] : []),
                    new ChartSeries("protein", f.AverageProtein is { } p ? [new ChartPoint(At(f.From), p)] : []),
                ])),
        ];
    }

    private static List<BuiltWidget> TrainingWidgets(TrainingWeekFigures f, DateTimeOffset start, TimeZoneInfo zone, CultureInfo culture)
    {
        // Volume is stored in kg; a member who reads pounds gets pounds.
        var factor = f.Unit == "lb" ? 2.20462262185 : 1.0;
        string Volume(double kg) => (kg * factor).ToString("#,##0", culture) + " " + f.Unit;
        var week = f.Sessions == 0 ? "No workout logged last week."
            : $"{f.Sessions} {(f.Sessions == 1 ? "session" : "sessions")}, {f.Sets} sets, {Volume(f.VolumeKg)} lifted in all.";
        var list = f.Workouts.Count == 0 ? "None."
            : string.Join("; ", f.Workouts.Select(w => $"{ScheduleResponses.Local(w.StartedAt, zone).ToString("ddd d MMM", culture)} {w.Name}: {w.Sets} sets, {Volume(w.VolumeKg)}")) + ".";
        ChartSeries One(string name, double value) => new(name, [new ChartPoint(start, value)]);
        return
        [
            new("Last week", "number", week, null, new ReportCsvWidget("Last week", "training.week",
                [One("sessions", f.Sessions), One("sets", f.Sets), One("volume_kg", f.VolumeKg)])),
            new("Workouts", "table", list, null, new ReportCsvWidget("Workouts", "training.workout.volume_kg",
                f.Workouts.Select(w => new ChartSeries(w.Name, [new ChartPoint(ScheduleResponses.Local(w.StartedAt, zone), w.VolumeKg)])).ToList())),
        ];
    }
}
