namespace TrackStack.Metrics;

/// <summary>Who sees which series: household series are every member's; a personal built-in series (a member's
/// food diary or training log) only its member's own session. With no member (an API key) no personal series.</summary>
internal static class SeriesVisibility
{
    public static IQueryable<Series> VisibleTo(this IQueryable<Series> series, Guid? member) =>
        member is { } m ? series.Where(s => s.OwnerId == null || s.OwnerId == m) : series.Where(s => s.OwnerId == null);
}
