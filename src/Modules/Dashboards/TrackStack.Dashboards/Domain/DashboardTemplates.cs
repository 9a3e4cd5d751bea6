namespace TrackStack.Dashboards.Domain;

/// <summary>A ready-made dashboard a household can start from.</summary>
internal sealed record DashboardTemplate(string Key, string Name, string Description, IReadOnlyList<WidgetDefinition> Widgets);

/// <summary>The built-in templates. "Household at a glance" reads only the built-in series Metrics keeps of the other
/// modules' figures (expenses, heating, nutrition, training), so it shows something in any household that uses them.</summary>
internal static class DashboardTemplates
{
    public const string HouseholdAtAGlanceKey = "household-at-a-glance";
    public const string InfraCostsKey = "what-trackstack-costs";
    public const string BlankKey = "blank";

    public static readonly DashboardTemplate HouseholdAtAGlance = new(
        HouseholdAtAGlanceKey,
        "Household at a glance",
        "This month's spending and income, heating this season, food and training.",
        [
            new("number", "Spent this month", 1, "expenses.spent", "sum", "day", "this-month"),
            new("bar", "Spent this month by category", 3, "expenses.spent", "sum", "month", "this-month", GroupBy: "category"),
            new("bar", "Spent per tank, last 12 months", 4, "expenses.spent", "sum", "month", "last-12-months", GroupBy: "tank"),
            new("number", "Income this month", 1, "expenses.income", "sum", "day", "this-month"),
            new("line", "Heating energy this season (kWh)", 3, "heating.kwh", "sum", "week", "this-season"),
            new("bar", "Degree days this season", 2, "heating.hdd", "sum", "week", "this-season"),
            new("line", "Calories, last 30 days", 2, "nutrition.kcal", "sum", "day", "last-30-days", Target: 2300),
            new("bar", "Training volume, last 90 days (kg)", 2, "training.volume", "sum", "week", "last-90-days"),
        ]);

    /// <summary>Reads infra.cost, the AWS bill imported into the built-in series (metrics import-aws-costs).</summary>
    public static readonly DashboardTemplate InfraCosts = new(
        InfraCostsKey,
        "What TrackStack costs",
        "The AWS bill of this server: this month, per service per month, and day by day.",
        [
            new("number", "Cost this month", 1, "infra.cost", "sum", "day", "this-month"),
            new("bar", "Cost per service per month", 3, "infra.cost", "sum", "month", "last-12-months", GroupBy: "service"),
            new("line", "Daily cost, last 30 days", 4, "infra.cost", "sum", "day", "last-30-days"),
        ]);

    public static readonly DashboardTemplate Blank = new(BlankKey, "Blank", "An empty dashboard to add widgets to.", []);

    public static readonly IReadOnlyList<DashboardTemplate> All = [HouseholdAtAGlance, InfraCosts, Blank];

    public static DashboardTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
}
