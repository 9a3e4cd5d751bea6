namespace TrackStack.Expenses;

/// <summary>Status is complete (100 %), unassigned (below) or over (above).</summary>
public sealed record AllocationResponse(decimal TotalPercent, string Status, decimal UnassignedPercent);

public sealed record CategoryResponse(Guid Id, string Name, string TankKey, int SortOrder);

public sealed record TankResponse(Guid Id, string Key, string Name, decimal RatioPercent, IReadOnlyList<CategoryResponse> Categories);

public sealed record SettingsResponse(long MonthlyIncomeCents, string Currency, Guid? FuelCategoryId, IReadOnlyList<TankResponse> Tanks, AllocationResponse Allocation);
