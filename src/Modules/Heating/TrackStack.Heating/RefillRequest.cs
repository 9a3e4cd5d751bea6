namespace TrackStack.Heating;

/// <summary>A refill: the quantity put in (units of the settings, e.g. 2 bags), or for metered fuels the meter
/// reading. Id is optional: a client-chosen UUID makes a repeated create a no-op.</summary>
public sealed record RefillRequest(Guid? Id, DateOnly? Date, double? Quantity, double? MeterReading, string? Note);

/// <summary>What logging and correcting a refill both check and write.</summary>
internal static class RefillRules
{
    public static FieldErrors Validate(this RefillRequest r, HeatingSettings settings, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.Check(r.Id != Guid.Empty, "id", "id must not be the empty UUID.");
        InputChecks.CheckRecordDate(errors, r.Date, today);
        if (settings.MeterBased)
        {
            if (r.MeterReading is not { } reading) errors.Add("meterReading", "This fuel is metered: meterReading is required.");
            else errors.Check(reading is >= 0 and <= 1e12, "meterReading", "meterReading must be between 0 and 1e12.");
            errors.Check(r.Quantity is null, "quantity", "This fuel is metered: send meterReading, not quantity.");
        }
        else
        {
            if (r.Quantity is not { } quantity) errors.Add("quantity", $"quantity (in {settings.Unit.Wire()}) is required.");
            else errors.Check(quantity is > 0 and <= 100_000, "quantity", "quantity must be above 0 and at most 100000.");
            errors.Check(r.MeterReading is null, "meterReading", "This fuel is not metered: send quantity, not meterReading.");
        }
        InputChecks.CheckText(errors, r.Note, "note", 500);
        return errors;
    }

    /// <summary>Writes a validated request onto the refill.</summary>
    public static void ApplyTo(this RefillRequest r, Refill refill, DateTime now)
    {
        refill.Date = r.Date!.Value;
        refill.Quantity = r.Quantity;
        refill.MeterReading = r.MeterReading;
        refill.Note = InputChecks.CleanText(r.Note);
        refill.UpdatedAt = now;
    }
}
