using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace TrackStack.Gateway;

/// <summary>A service that is down, restarting or too slow to answer: YARP would answer an empty 502/504, which the web
/// app and scripts can only read as a bug. It becomes a 503 problem with Retry-After naming no internal address, so
/// clients retry (the web app's offline queue keeps the entry) while the service comes back.</summary>
internal static class UnreachableServices
{
    public const int RetryAfterSeconds = 5;

    public static async Task AnswerAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted) return;
        if (error.Error is ForwarderError.RequestCanceled) return; // the client went away: nobody to answer
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable",
            detail: "The service behind this path cannot be reached right now. Try again in a few seconds.")
            .ExecuteAsync(context);
    }
}
