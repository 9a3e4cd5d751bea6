using TrackStack.BuildingBlocks.Http;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace TrackStack.Gateway;

/// <summary>Sends the request's correlation id on to the service. The gateway's request logging has already taken the
/// client's X-Correlation-Id (when it is a safe id) or made one from the trace id, and returns it on the response; the
/// service then logs and returns the same id. The W3C trace context (traceparent) is YARP's own: its HTTP client
/// replaces the client's header with the gateway's current span, so the service's spans join the same trace.</summary>
internal static class CorrelationIdTransform
{
    public static void Add(TransformBuilderContext context) =>
        context.AddRequestTransform(t =>
        {
            t.ProxyRequest.Headers.Remove(RequestLoggingMiddleware.Header);
            t.ProxyRequest.Headers.TryAddWithoutValidation(RequestLoggingMiddleware.Header, t.HttpContext.TraceIdentifier);
            return ValueTask.CompletedTask;
        });
}
