namespace TrackStack.Expenses.Features;

public sealed record TankRequest(string? Key, string? Name, decimal? RatioPercent);

public sealed record SettingsRequest(long? MonthlyIncomeCents, Guid? FuelCategoryId, IReadOnlyList<TankRequest>? Tanks);

/// <summary>Status is complete (100 %), unassigned (below) or over (above).</summary>
public sealed record AllocationResponse(decimal TotalPercent, string Status, decimal UnassignedPercent);

public sealed record CategoryResponse(Guid Id, string Name, string TankKey, int SortOrder);

public sealed record TankResponse(Guid Id, string Key, string Name, decimal RatioPercent, IReadOnlyList<CategoryResponse> Categories);

public sealed record SettingsResponse(long MonthlyIncomeCents, string Currency, Guid? FuelCategoryId, IReadOnlyList<TankResponse> Tanks, AllocationResponse Allocation);

public sealed record CategoryRequest(string? Name, string? TankKey, int? SortOrder);

public sealed record EntryRequest(
    Guid? Id, DateOnly? Date, long? AmountCents, string? Title, Guid? CategoryId, string? Note,
    IReadOnlyList<string>? Tags, Guid? PaidBy, long? OriginalAmountCents, string? OriginalCurrency);

public sealed record EntryResponse(
    Guid Id, DateOnly Date, long AmountCents, string Title, Guid? CategoryId, string? CategoryName, string? TankKey, string? Note,
    IReadOnlyList<string> Tags, Guid? PaidBy, string Kind, long? OriginalAmountCents, string? OriginalCurrency, Guid? ImportId,
    DateTime CreatedAt, DateTime UpdatedAt);

public sealed record EntryPageResponse(IReadOnlyList<EntryResponse> Items, int Page, int PageSize, int Total, long TotalCents);

public sealed record TankSummaryResponse(string Key, string Name, decimal RatioPercent, long BudgetCents, long SpentCents, long RemainingCents, decimal? PercentUsed, bool Over);

public sealed record CategorySpendResponse(Guid Id, string Name, string TankKey, long SpentCents);

public sealed record ObligationResponse(Guid Id, string Month, Guid TemplateId, string Title, long AmountCents, Guid? CategoryId, int? DueDay, string Status, Guid? EntryId, DateTime? DoneAt);

public sealed record PendingObligationsResponse(int Count, long AmountCents, IReadOnlyList<ObligationResponse> Items);

public sealed record ComparisonResponse(long? PreviousAverageSpentCents, int MonthsCounted, long? DeltaCents, decimal? DeltaPercent);

public sealed record MonthSummaryResponse(
    string Month, string Status, string Currency, long IncomeCents, long SpentCents, long RemainingCents, decimal? PercentSpent,
    long UncategorisedCents, IReadOnlyList<TankSummaryResponse> Tanks, IReadOnlyList<CategorySpendResponse> Categories,
    PendingObligationsResponse PendingObligations, ComparisonResponse Comparison);

public sealed record MonthStateResponse(string Month, string Status, long IncomeCents, DateTime? OpenedAt, DateTime? ClosedAt);

public sealed record MonthIncomeRequest(long? IncomeCents);

public sealed record ChecklistTemplateRequest(string? Title, long? AmountCents, Guid? CategoryId, int? DueDay, bool? Active, int? SortOrder);

public sealed record ChecklistTemplateResponse(Guid Id, string Title, long AmountCents, Guid? CategoryId, int? DueDay, bool Active, int SortOrder);

public sealed record TickRequest(long? AmountCents, DateOnly? Date, Guid? PaidBy);

public sealed record RecurringTemplateRequest(
    string? Title, long? AmountCents, Guid? CategoryId, string? Note, IReadOnlyList<string>? Tags, string? Frequency,
    int? Day, int? MonthOfYear, DateOnly? StartDate, DateOnly? EndDate, bool? Active);

public sealed record RecurringTemplateResponse(
    Guid Id, string Title, long AmountCents, Guid? CategoryId, string? Note, IReadOnlyList<string> Tags, string Frequency,
    int Day, int? MonthOfYear, DateOnly StartDate, DateOnly? EndDate, DateOnly NextDue, bool Active);

public sealed record RuleRequest(string? Field, string? Match, string? Pattern, Guid? CategoryId, int? Priority);

public sealed record RuleResponse(Guid Id, string Field, string Match, string Pattern, Guid CategoryId, int Priority);

public sealed record ApplyRulesRequest(bool? OnlyUncategorised, string? Month);

public sealed record ApplyRulesResponse(int Examined, int Updated);

public sealed record ImportRowResponse(int Line, string Status, DateOnly? Date, long? AmountCents, string? Payee, string? Memo, string? BankId, Guid? CategoryId, string? Message);

public sealed record ImportResponse(Guid? ImportId, string Format, bool DryRun, int Created, int Duplicates, int Errors, int Skipped, IReadOnlyList<ImportRowResponse> Rows);

public sealed record ImportSummaryResponse(Guid Id, string FileName, string Format, int Created, int Duplicates, int Errors, int Skipped, DateTime CreatedAt);
