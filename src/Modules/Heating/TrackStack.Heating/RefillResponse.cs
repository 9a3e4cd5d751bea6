namespace TrackStack.Heating;

public sealed record RefillResponse(Guid Id, DateOnly Date, double? Quantity, double? MeterReading, string? Note, DateTime CreatedAt, DateTime UpdatedAt);

internal static class RefillMapping
{
    public static RefillResponse ToResponse(this Refill r) => new(r.Id, r.Date, r.Quantity, r.MeterReading, r.Note, r.CreatedAt, r.UpdatedAt);
}
