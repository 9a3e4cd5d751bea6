using System.Globalization;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>Grandfather-father-son over archive names (<c>trackstack-&lt;UTC time&gt;.tar.gz</c>), the same for a folder
/// and an S3 prefix: the newest archive of each of the last N days, ISO weeks and months stays (the newest of all
/// always does). Names that are not complete archives (<c>.partial</c>, the operator's files) are never chosen.</summary>
internal static class BackupRetention
{
    public const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static List<string> Expired(IEnumerable<string> names, BackupOptions keep)
    {
        var archives = names
            .Select(name => (Name: name, At: TimeOf(name)))
            .Where(a => a.At is not null)
            .OrderByDescending(a => a.At)
            .ToList();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        void KeepNewestPer(Func<DateTime, string> period, int count)
        {
            foreach (var group in archives.GroupBy(a => period(a.At!.Value)).Take(count)) kept.Add(group.First().Name);
        }
        KeepNewestPer(at => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), keep.KeepDaily);
        KeepNewestPer(at => $"{ISOWeek.GetYear(at)}-W{ISOWeek.GetWeekOfYear(at)}", keep.KeepWeekly);
        KeepNewestPer(at => at.ToString("yyyy-MM", CultureInfo.InvariantCulture), keep.KeepMonthly);
        if (archives.Count > 0) kept.Add(archives[0].Name);
        return archives.Select(a => a.Name).Where(n => !kept.Contains(n)).ToList();
    }

    /// <summary>When the archive of this name was made, or null when the name is not one of a complete archive.</summary>
    public static DateTime? TimeOf(string name)
    {
        if (!name.StartsWith(BackupWriter.Prefix, StringComparison.Ordinal) || !name.EndsWith(BackupWriter.Extension, StringComparison.Ordinal)) return null;
        var stamp = name[BackupWriter.Prefix.Length..^BackupWriter.Extension.Length];
        return DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
