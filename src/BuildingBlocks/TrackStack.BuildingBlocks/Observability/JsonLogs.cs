using Microsoft.Extensions.Logging;

namespace TrackStack.BuildingBlocks.Observability;

/// <summary>One JSON object per log line on stdout, UTC timestamps, the request's trace and span ids in its scopes:
/// what the host and the gateway both write, so one log pipeline reads every process.</summary>
public static class JsonLogs
{
    public static ILoggingBuilder AddTrackStackJsonLogs(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            o.IncludeScopes = true;
        });
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        return logging;
    }
}
