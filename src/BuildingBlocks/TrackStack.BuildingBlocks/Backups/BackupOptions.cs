namespace TrackStack.BuildingBlocks.Backups;

/// <summary>Nightly backups made by the server itself (TrackStack__Backup__...). Off until <see cref="Directory"/>
/// is set; the <c>backup</c> command works either way.</summary>
public sealed class BackupOptions
{
    /// <summary>Folder that receives one <c>trackstack-&lt;UTC time&gt;</c> folder per backup; empty turns nightly
    /// backups off. In a deployment of several replicas set it on one of them only.</summary>
    public string? Directory { get; set; }

    /// <summary>Hour of the day (UTC, 0–23) at which the nightly backup runs.</summary>
    public int HourUtc { get; set; } = 3;

    /// <summary>Retention after each nightly backup (and <c>backup --prune</c>): the newest backup of each of the last
    /// <see cref="KeepDaily"/> days, <see cref="KeepWeekly"/> ISO weeks and <see cref="KeepMonthly"/> months is kept.</summary>
    public int KeepDaily { get; set; } = 7;

    public int KeepWeekly { get; set; } = 4;

    public int KeepMonthly { get; set; } = 12;
}
