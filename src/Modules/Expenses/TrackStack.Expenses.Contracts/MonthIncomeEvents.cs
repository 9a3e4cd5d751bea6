using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Expenses.Contracts;

/// <summary>A month's income was set: when the month opens (its sheet takes the budget's monthly income) and when
/// a member changes that month's income. Month is "yyyy-MM"; IncomeCents is in the household's Currency. Version is
/// the month's own income counter (1 when it opens, +1 per change): a consumer applies an event only when it is
/// newer than what it holds. Months never opened have no income of their own and no event.</summary>
[EventType("expenses.month-income-set.v1")]
public sealed record MonthIncomeSet(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, string Month, long IncomeCents, string Currency, long Version) : IHouseholdEvent;
