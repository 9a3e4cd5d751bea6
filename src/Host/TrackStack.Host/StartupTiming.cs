using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TrackStack.Host;

/// <summary>Where a start goes: milliseconds since the process started at each step (host built, each module's
/// migrations checked, hosted services and Kestrel started), logged once at Information as the event
/// <c>StartupTiming</c> (one line, "startup-timing step=ms ..."), which <c>./trackstack bench --footprint</c> parses.
/// Costs a few microseconds; the process start comes from /proc (10 ms resolution). A script that <c>exec</c>s the host
/// (./trackstack run) passes on its own start, so there the figures also hold what the script did first (the build).</summary>
internal sealed class StartupTiming
{
    private readonly DateTime _processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private readonly StringBuilder _steps = new("startup-timing");

    public void Mark(string step) =>
        _steps.Append(CultureInfo.InvariantCulture, $" {step}={(DateTime.UtcNow - _processStart).TotalMilliseconds:F0}");

    /// <summary>With TRACKSTACK_STARTUP_TIMING=1 (the benchmark sets it) each hosted service's start is timed too
    /// (one step per service, named by its type). Off by default: the wrapper hides a BackgroundService's task from the
    /// host, so a crashing one would no longer stop the host.</summary>
    public void TimeHostedServices(WebApplicationBuilder builder)
    {
        if (Environment.GetEnvironmentVariable("TRACKSTACK_STARTUP_TIMING") != "1") return;
        var services = builder.Services;
        for (var i = 0; i < services.Count; i++)
        {
            var d = services[i];
            if (d.ServiceType != typeof(IHostedService) || d.IsKeyedService) continue;
            services[i] = ServiceDescriptor.Singleton<IHostedService>(sp => new Timed(
                d.ImplementationInstance as IHostedService
                ?? (IHostedService)(d.ImplementationFactory is { } f ? f(sp) : ActivatorUtilities.CreateInstance(sp, d.ImplementationType!)), this));
        }
    }

    private sealed class Timed(IHostedService inner, StartupTiming timing) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await inner.StartAsync(cancellationToken);
            timing.Mark("hosted:" + Name(inner.GetType()));
        }

        public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

        /// <summary>MessagingWorker&lt;ExpensesDb&gt; rather than MessagingWorker`1 (one per module).</summary>
        private static string Name(Type t) =>
            t.IsGenericType ? $"{t.Name.Split('`')[0]}<{string.Join(',', t.GetGenericArguments().Select(Name))}>" : t.Name;
    }

    public void LogWhenStarted(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Mark("started");
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrackStack.Host.Startup")
                .LogInformation(new EventId(1, "StartupTiming"), "{Timing}", _steps.ToString());
        });
    }
}
