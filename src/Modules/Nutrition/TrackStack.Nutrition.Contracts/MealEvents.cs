using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Nutrition.Contracts;

/// <summary>A member logged something in their diary. DayKcal and DayProtein are that member's totals of the day
/// after the change, so a dashboard needs no diary of its own. Version is the entry's counter (1 when logged, +1
/// per change, the delete one more): apply an event only when it is newer than what you hold.</summary>
[EventType("nutrition.meal-logged.v1")]
public sealed record MealLogged(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid UserId, Guid EntryId, DateOnly Date, string Meal,
    double Kcal, double? Protein, double DayKcal, double DayProtein, long Version) : IHouseholdEvent;

/// <summary>A diary entry changed (amount, meal or day). Date is its day now; PreviousDate the day it left, if it moved.</summary>
[EventType("nutrition.meal-changed.v1")]
public sealed record MealChanged(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid UserId, Guid EntryId, DateOnly Date, DateOnly? PreviousDate, string Meal,
    double Kcal, double? Protein, double DayKcal, double DayProtein, long Version) : IHouseholdEvent;

/// <summary>A diary entry was deleted; the totals are the day's without it.</summary>
[EventType("nutrition.meal-deleted.v1")]
public sealed record MealDeleted(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid UserId, Guid EntryId, DateOnly Date,
    double DayKcal, double DayProtein, long Version) : IHouseholdEvent;
