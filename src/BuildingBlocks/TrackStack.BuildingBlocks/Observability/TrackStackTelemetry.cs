using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TrackStack.BuildingBlocks.Observability;

/// <summary>The platform's own meter and activity source: what the framework's instrumentation cannot know (events,
/// ingest, sign-in failures, jobs, database time per module). Names follow the OpenTelemetry conventions (dots,
/// units in the unit field); the Prometheus exporter turns <c>trackstack.events.delivered</c> into
/// <c>trackstack_events_delivered_total</c>.</summary>
public static class TrackStackTelemetry
{
    public const string Name = "TrackStack";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> DbCommandDuration = Meter.CreateHistogram<double>(
        "trackstack.db.command.duration", "s", "Time a database command of a module took (tags: module, operation).");

    public static readonly Counter<long> EventsDelivered = Meter.CreateCounter<long>(
        "trackstack.events.delivered", "{event}", "Events a module's outbox handed to the transport (tags: module, event).");

    public static readonly Counter<long> EventsHandled = Meter.CreateCounter<long>(
        "trackstack.events.handled", "{event}", "Events a module's inbox handler applied (tags: module, handler).");

    public static readonly Counter<long> EventRetries = Meter.CreateCounter<long>(
        "trackstack.events.retries", "{attempt}", "Failed delivery or handling attempts that will be retried (tags: module, stage).");

    public static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>(
        "trackstack.events.dead_letters", "{event}", "Events that ran out of attempts and wait for an operator (tags: module, stage).");

    public static readonly Histogram<double> EventHandlingDuration = Meter.CreateHistogram<double>(
        "trackstack.events.handling.duration", "s", "Time one inbox handler took, in its transaction (tags: module, handler).");

    public static readonly Counter<long> IngestPoints = Meter.CreateCounter<long>(
        "trackstack.ingest.points", "{point}", "Points pushed with an API key (tags: format json|line, outcome accepted|rejected).");

    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>(
        "trackstack.emails.sent", "{email}", "E-mails handed to the SMTP server (outcome sent) or refused or not delivered (failed), by kind: account, invite, report, alert.");

    public static readonly Counter<long> SignInFailures = Meter.CreateCounter<long>(
        "trackstack.auth.sign_in.failures", "{attempt}", "Sign-ins refused for a wrong e-mail or password.");

    public static readonly Counter<long> Lockouts = Meter.CreateCounter<long>(
        "trackstack.auth.lockouts", "{account}", "Accounts locked after too many wrong passwords.");

    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "trackstack.jobs.runs", "{run}", "Background job runs (tags: job, outcome ok|failed).");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "trackstack.jobs.duration", "s", "Time a background job run took (tags: job).");

    /// <summary>Records one run of a background job: its duration and outcome, and a span around it.</summary>
    public static async Task<T> RunJobAsync<T>(string job, Func<Task<T>> run)
    {
        using var activity = Source.StartActivity($"job {job}");
        var start = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await run();
            outcome = "ok";
            return result;
        }
        finally
        {
            var tags = new TagList { { "job", job } };
            JobDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
            tags.Add("outcome", outcome);
            JobRuns.Add(1, tags);
            activity?.SetTag("outcome", outcome);
        }
    }
}
