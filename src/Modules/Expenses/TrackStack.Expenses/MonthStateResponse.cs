namespace TrackStack.Expenses;

public sealed record MonthStateResponse(string Month, string Status, long IncomeCents, DateTime? OpenedAt, DateTime? ClosedAt);

internal static class MonthStateMapping
{
    public static MonthStateResponse ToState(this MonthSheet s) =>
        new(YearMonth.FromKey(s.Month).ToString(), s.Status.ToString().ToLowerInvariant(), s.IncomeCents, s.OpenedAt, s.ClosedAt);

    public static ValidationProblem BadMonth() => new FieldErrors().Add("month", "Use the form yyyy-MM, e.g. 2026-11.").ToResult();
}
