using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Expenses.Contracts;

/// <summary>One share of an entry: its amount in cents (positive money out, negative money in) with the category and
/// the tank it counts in. An entry in one category (or none) has one share of its whole amount; a split entry has
/// one share per part, so each part counts in its own category and tank exactly as on the month sheet.</summary>
public sealed record EntryShare(long AmountCents, string? Category, string? Tank);

/// <summary>An entry was added (typed, imported, posted by a recurring bill, ticked off a checklist or made from a
/// fuel purchase). Date is its local date; AmountCents is signed as stored (positive an expense, negative money in:
/// a refund), Kind is "expense" or "income" by that sign, Currency the household's. Category and Tank are the
/// entry's own (null when uncategorised; Category null and Tank null unless shared for a split entry: see Shares).
/// Version is the entry's own counter (1 when added, +1 per change, the delete one more): a consumer applies an
/// event only when it is newer than what it holds.</summary>
[EventType("expenses.entry-recorded.v1")]
public sealed record EntryRecorded(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid EntryId, DateOnly Date, long AmountCents, string Currency, string Kind,
    string? Tank, string? Category, IReadOnlyList<EntryShare> Shares, long Version) : IHouseholdEvent;

/// <summary>An entry changed (amount, date, category or split, or its category was renamed, moved to another tank
/// or deleted): the entry's whole state now, as in <see cref="EntryRecorded"/>.</summary>
[EventType("expenses.entry-changed.v1")]
public sealed record EntryChanged(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid EntryId, DateOnly Date, long AmountCents, string Currency, string Kind,
    string? Tank, string? Category, IReadOnlyList<EntryShare> Shares, long Version) : IHouseholdEvent;

/// <summary>An entry was deleted (by a member, an undone import, an unticked obligation or a deleted fuel purchase).
/// An undone delete brings it back with <see cref="EntryRecorded"/> at a newer version.</summary>
[EventType("expenses.entry-deleted.v1")]
public sealed record EntryDeleted(Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid EntryId, long Version) : IHouseholdEvent;

/// <summary>The Kind values of the entry events.</summary>
public static class EntryKinds
{
    public const string Expense = "expense";
    public const string Income = "income";

    public static string Of(long amountCents) => amountCents < 0 ? Income : Expense;
}
