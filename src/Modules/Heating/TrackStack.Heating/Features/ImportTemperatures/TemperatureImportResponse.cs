namespace TrackStack.Heating.Features.ImportTemperatures;

public sealed record ImportErrorResponse(int Line, string Message);

/// <summary>Inserted/Updated say what was (or, with DryRun, would be) written. RefillsFrom/RefillsTo: the span the
/// analysis reads (first refill or reading to today; null without any); OverlapDays: the file's days inside it, so a
/// file of the wrong years is noticed before it is imported (0: none of its days can be used).</summary>
public sealed record TemperatureImportResponse(
    bool DryRun, string Delimiter, bool HasHeader, string DateColumn, string? MeanColumn, string? MinColumn, string? MaxColumn,
    int Lines, int Valid, int Inserted, int Updated, DateOnly? From, DateOnly? To, int ErrorCount, IReadOnlyList<ImportErrorResponse> Errors,
    DateOnly? RefillsFrom, DateOnly? RefillsTo, int OverlapDays);
