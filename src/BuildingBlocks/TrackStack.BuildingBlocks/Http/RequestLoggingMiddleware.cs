using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>One compact log line per request: method, route template (never the raw path, which may hold
/// tokens), status, duration and correlation id. The id comes from X-Correlation-Id or the trace id.</summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var incoming = context.Request.Headers[Header].ToString();
        var correlationId = incoming.Length is > 0 and <= 64 && SafeId().IsMatch(incoming)
            ? incoming
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.TraceIdentifier = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = correlationId;
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText
                ?? (context.Request.Path.StartsWithSegments("/api") ? "(unmatched)" : "(static)");
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Log(logger, context.Request.Method, route, context.Response.StatusCode, Math.Round(ms, 2), correlationId);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} {Status} {DurationMs}ms {CorrelationId}")]
    private static partial void Log(ILogger logger, string method, string route, int status, double durationMs, string correlationId);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeId();
}
