using System.ComponentModel.DataAnnotations;

namespace TrackStack.Reports;

/// <summary>Settings of the reports module, bound from TrackStack:Reports (TrackStack__Reports__PollSeconds).</summary>
internal sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>How often the scheduler looks for due runs and retries.</summary>
    [Range(1, 3600, ErrorMessage = "must be between 1 and 3600.")]
    public int PollSeconds { get; set; } = 30;

    /// <summary>A run found later than this after its due time (the server was down) is skipped with a log line
    /// instead of sent: a daily report from yesterday morning is noise. One late run within the limit is sent once,
    /// however many were missed.</summary>
    [Range(1, 24 * 31, ErrorMessage = "must be between 1 and 744.")]
    public int MaxLatenessHours { get; set; } = 12;

    /// <summary>How long a sender holds a run; a run held by a sender that died is taken over after this.</summary>
    [Range(1, 240, ErrorMessage = "must be between 1 and 240.")]
    public int LeaseMinutes { get; set; } = 10;
}
