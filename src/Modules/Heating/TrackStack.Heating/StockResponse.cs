using static TrackStack.Heating.ResponseFormat;

namespace TrackStack.Heating;

/// <summary>Stock in the settings unit: purchased − put in. RunOutDate/DaysLeft include what is estimated to be left
/// of the last refill; null when unknown (no purchases, no history, or beyond three years).</summary>
public sealed record StockResponse(
    bool Tracked, string Unit, string UnitLabel, double PurchasedUnits, double ConsumedUnits, double OnHandUnits, double OnHandKwh,
    double? LastRefillRemainingUnits, DateOnly? RunOutDate, int? DaysLeft, string? ForecastMethod, string? Note, int UnconvertiblePurchases);

internal static class StockMapping
{
    public static StockResponse ToStockResponse(this AnalysisLoader.Loaded loaded)
    {
        var settings = loaded.Settings;
        var label = FuelCatalog.Label(settings.Unit, settings.UnitSizeKg);
        if (loaded.Result.Stock is not { } st)
        {
            return new StockResponse(false, settings.Unit.Wire(), label, 0, 0, 0, 0, null, null, null, null,
                "Metered fuels have no stock: the meter readings are the consumption.", loaded.UnconvertiblePurchases);
        }
        return new StockResponse(true, settings.Unit.Wire(), label, R(st.PurchasedUnits), R(st.ConsumedUnits), R(st.OnHandUnits),
            R(st.OnHandUnits * settings.KwhPerUnit, 1), R(st.LastRefillRemainingUnits, 2), st.RunOutDate, st.DaysLeft,
            st.Method is { } method ? Camel(method.ToString()) : null, st.Note, loaded.UnconvertiblePurchases);
    }
}
