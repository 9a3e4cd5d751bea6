using System.Diagnostics;
using TrackStack.BuildingBlocks.Observability;

namespace TrackStack.Metrics;

/// <summary>Counts stored and refused points per ingest format, for the ingest dashboard and its alert.</summary>
internal static class IngestTelemetry
{
    public static void Count(string format, int accepted, int rejected)
    {
        if (accepted > 0) TrackStackTelemetry.IngestPoints.Add(accepted, new TagList { { "format", format }, { "outcome", "accepted" } });
        if (rejected > 0) TrackStackTelemetry.IngestPoints.Add(rejected, new TagList { { "format", format }, { "outcome", "rejected" } });
    }
}
