using System.Diagnostics;

namespace TrackStack.Gateway;

/// <summary>ASP.NET Core starts a request's <see cref="Activity"/> only when something listens (a logger at any level, a
/// tracer). The gateway needs one on every request whatever the log settings: YARP's HTTP client writes it into the
/// <c>traceparent</c> it sends, and the correlation id defaults to its trace id. Propagation data only: nothing is
/// recorded unless OpenTelemetry tracing (OTLP) asks for more.</summary>
internal sealed class RequestActivities : IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
    };

    public RequestActivities() => ActivitySource.AddActivityListener(_listener);

    public void Dispose() => _listener.Dispose();
}
