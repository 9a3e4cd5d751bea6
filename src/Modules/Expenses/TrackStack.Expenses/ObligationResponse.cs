namespace TrackStack.Expenses;

public sealed record ObligationResponse(Guid Id, string Month, Guid TemplateId, string Title, long AmountCents, Guid? CategoryId, int? DueDay, string Status, Guid? EntryId, DateTime? DoneAt);

internal static class ObligationMapping
{
    public static ObligationResponse ToResponse(this Obligation o) =>
        new(o.Id, YearMonth.FromKey(o.Month).ToString(), o.TemplateId, o.Title, o.AmountCents, o.CategoryId, o.DueDay, o.Status.ToString().ToLowerInvariant(), o.EntryId, o.DoneAt);
}
