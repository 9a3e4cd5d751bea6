namespace TrackStack.Heating.Features.ImportTemperatures;

public sealed record ImportErrorResponse(int Line, string Message);

/// <summary>Inserted/Updated say what was (or, with DryRun, would be) written.</summary>
public sealed record TemperatureImportResponse(
    bool DryRun, string Delimiter, bool HasHeader, string DateColumn, string? MeanColumn, string? MinColumn, string? MaxColumn,
    int Lines, int Valid, int Inserted, int Updated, DateOnly? From, DateOnly? To, int ErrorCount, IReadOnlyList<ImportErrorResponse> Errors);
