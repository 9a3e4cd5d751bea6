using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace TrackStack.Gateway;

/// <summary>YARP answers an empty 502/504 when a service cannot be reached; clients need to know whether to retry. A
/// service that could not be connected to (down, restarting) is a 503 problem with Retry-After, safe to send again (the
/// web app's offline queue keeps the entry); an answer lost after the request reached it is a 502/504 problem saying a
/// change may have been saved. No internal address is named.</summary>
internal static class UnreachableServices
{
    public const int RetryAfterSeconds = 5;

    private static IResult Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable",
            detail: "The service behind this path cannot be reached right now. Try again in a few seconds.");
    }

    /// <summary>The connection to the service was never made (refused, no route, name unknown).</summary>
    private static bool NotConnected(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        || exception?.InnerException is System.Net.Sockets.SocketException || exception is System.Net.Sockets.SocketException;

    public static async Task AnswerAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted) return;
        if (error.Error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled) return; // the client went away
        context.Response.Clear();
        var result = error.Error switch
        {
            // Nothing reached the service: safe to send again.
            ForwarderError.NoAvailableDestinations => Unavailable(context),
            ForwarderError.Request when NotConnected(error.Exception) => Unavailable(context),
            ForwarderError.RequestBodyClient => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body was cut off",
                detail: "The body ended before its announced length."),
            // The service may have acted on it: say so, and do not invite a blind retry.
            ForwarderError.RequestTimedOut => Results.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "The service did not answer in time",
                detail: "The request reached the service but no answer came. A change may or may not have been saved: look before sending it again."),
            _ => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The service's answer was lost",
                detail: "The request reached the service but its answer did not come back whole. A change may or may not have been saved: look before sending it again."),
        };
        await result.ExecuteAsync(context);
    }
}
