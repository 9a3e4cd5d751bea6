using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace TrackStack.Gateway;

/// <summary>YARP answers an empty 502/504 when a service cannot be reached; clients need to know whether to retry. A
/// service that could not be connected to (down, restarting) is a 503 problem with Retry-After, safe to send again (the
/// web app's offline queue keeps the entry); an answer lost after the request reached it is a 502/504 problem saying a
/// change may have been saved. No internal address is named.</summary>
internal static class UnreachableServices
{
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
        if (error.Error is ForwarderError.NoAvailableDestinations || error.Error is ForwarderError.Request && NotConnected(error.Exception))
        {
            // Nothing reached the service: safe to send again. The same 503 a service gives when its database is down.
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await TrackStack.BuildingBlocks.Http.UnavailableExceptionHandler.WriteAsync(context, problems, null);
            return;
        }
        var result = error.Error switch
        {
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
