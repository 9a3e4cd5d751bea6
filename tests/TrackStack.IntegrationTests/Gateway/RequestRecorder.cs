using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;

namespace TrackStack.IntegrationTests.Gateway;

/// <summary>What a service received, as it arrived (before its own forwarded-headers handling): put in front of the
/// service's whole pipeline with <see cref="AddTo"/>.</summary>
public sealed class RequestRecorder : IStartupFilter
{
    public sealed record Seen(string Method, string Path, string? CorrelationId, string? TraceParent, string? ForwardedFor, string? ForwardedProto, string? Host);

    public ConcurrentQueue<Seen> Requests { get; } = new();

    public void AddTo(WebApplicationBuilder builder) => builder.Services.AddSingleton<IStartupFilter>(this);

    public IEnumerable<Seen> To(string path) => Requests.Where(r => r.Path == path);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, inner) =>
        {
            static string? H(HttpRequest r, string name) => r.Headers.TryGetValue(name, out var v) ? v.ToString() : null;
            var r = http.Request;
            Requests.Enqueue(new Seen(r.Method, r.Path.Value ?? "", H(r, "X-Correlation-Id"), H(r, "traceparent"), H(r, "X-Forwarded-For"), H(r, "X-Forwarded-Proto"), r.Host.Value));
            return inner(http);
        });
        next(app);
    };
}
