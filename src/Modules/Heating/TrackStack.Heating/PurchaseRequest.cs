namespace TrackStack.Heating;

/// <summary>Fuel bought. Unit defaults to the settings unit; TotalPriceCents (household currency, optional) makes
/// Expenses record it. Id is optional: a client-chosen UUID makes a repeated create a no-op.</summary>
public sealed record PurchaseRequest(Guid? Id, DateOnly? Date, double? Quantity, string? Unit, long? TotalPriceCents, string? Supplier, string? Note);

/// <summary>What recording and correcting a purchase both check and write.</summary>
internal static class PurchaseRules
{
    public const long MaxPriceCents = 100_000_000_00; // 100 million in the household currency

    /// <summary>The errors, and the unit the quantity is in (the settings unit when none is given).</summary>
    public static (FieldErrors Errors, FuelUnit Unit) Validate(this PurchaseRequest r, HeatingSettings settings, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.Check(r.Id != Guid.Empty, "id", "id must not be the empty UUID.");
        InputChecks.CheckRecordDate(errors, r.Date, today);
        if (r.Quantity is not { } quantity) errors.Add("quantity", "quantity is required.");
        else errors.Check(quantity is > 0 and <= 1_000_000, "quantity", "quantity must be above 0 and at most 1000000.");
        var unit = r.Unit is null ? settings.Unit : FuelCatalog.ParseUnit(r.Unit);
        if (unit is null || settings.Profile.ToProfileUnits(1, unit.Value) is null)
        {
            var allowed = FuelCatalog.UnitsFor(settings.Fuel).Where(u => settings.Profile.ToProfileUnits(1, u) is not null).Select(u => u.Wire());
            errors.Add("unit", $"unit must be one of {string.Join(", ", allowed)} for {settings.Fuel.Wire()}.");
        }
        errors.Check(r.TotalPriceCents is null or (>= 0 and <= MaxPriceCents), "totalPriceCents", "totalPriceCents must be between 0 and 10000000000.");
        InputChecks.CheckText(errors, r.Supplier, "supplier", 100);
        InputChecks.CheckText(errors, r.Note, "note", 500);
        return (errors, unit ?? settings.Unit);
    }

    /// <summary>Writes a validated request onto the purchase.</summary>
    public static void ApplyTo(this PurchaseRequest r, FuelPurchase p, FuelUnit unit, DateTime now)
    {
        p.Date = r.Date!.Value;
        p.Quantity = r.Quantity!.Value;
        p.Unit = unit;
        p.TotalPriceCents = r.TotalPriceCents;
        p.Supplier = InputChecks.CleanText(r.Supplier);
        p.Note = InputChecks.CleanText(r.Note);
        p.UpdatedAt = now;
    }
}
