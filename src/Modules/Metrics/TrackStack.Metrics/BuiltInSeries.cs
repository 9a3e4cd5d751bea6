namespace TrackStack.Metrics;

/// <summary>A source's state at a version: its figures, or null when it was deleted.</summary>
internal sealed record SourceState(string Key, long Version, IReadOnlyList<BuiltInFigure>? Figures);

/// <summary>Keeps the built-in series from the other modules' events. Each event gives the whole state of one
/// source (an entry, a workout) at a version: its points replace the source's earlier ones, and the minute, hour
/// and day rollups of every bucket they left or entered are recomputed from the stored points. An event not newer
/// than what the source holds changes nothing, so redelivered, replayed and out-of-order events end in the same
/// figures. Runs in the event handler's transaction.</summary>

internal sealed class BuiltInSeries(MetricsDb db, TimeProvider clock)
{
    public async Task<TimeZoneInfo> ZoneAsync(Guid householdId, CancellationToken ct) =>
        TimeBuckets.Zone((await db.GetHouseholdContextAsync(householdId, ct)).TimeZone);

    /// <summary>Applies a source's figures at <paramref name="version"/> (null: the source was deleted).
    /// Returns false when the version was not newer than the one held.</summary>
    public async Task<bool> ApplyAsync(Guid householdId, string sourceKey, long version, IReadOnlyList<BuiltInFigure>? figures, CancellationToken ct) =>
        await ApplyManyAsync(householdId, [new SourceState(sourceKey, version, figures)], ct) == 1;

    /// <summary>Applies several sources at once (a range of heating days); returns how many were newer.</summary>
    public async Task<int> ApplyManyAsync(Guid householdId, IReadOnlyList<SourceState> states, CancellationToken ct)
    {
        var now = StoredTime.Now(clock);
        var applied = 0;
        foreach (var chunk in states.Chunk(500))
        {
            var keys = chunk.Select(s => s.Key).ToList();
            var held = await db.BuiltInSources.Where(s => keys.Contains(s.SourceKey)).ToDictionaryAsync(s => s.SourceKey, StringComparer.Ordinal, ct);
            var newer = chunk.Where(s => !held.TryGetValue(s.Key, out var h) || s.Version > h.Version).ToList();
            if (newer.Count == 0) continue;
            foreach (var state in newer)
            {
                if (!held.TryGetValue(state.Key, out var source))
                {
                    source = new BuiltInSource { HouseholdId = householdId, SourceKey = state.Key };
                    db.BuiltInSources.Add(source);
                }
                (source.Version, source.Deleted, source.UpdatedAt) = (state.Version, state.Figures is null, now);
            }
            await ReplacePointsAsync(householdId, newer, now, ct);
            applied += newer.Count;
        }
        await db.SaveChangesAsync(ct);
        return applied;
    }

    /// <summary>Replaces the points of the sources and recomputes every bucket they left or entered.</summary>
    private async Task ReplacePointsAsync(Guid householdId, IReadOnlyList<SourceState> states, DateTime now, CancellationToken ct)
    {
        var productId = await EnsureProductAsync(householdId, now, ct);
        var keys = states.Select(s => s.Key).ToList();
        var old = await db.BuiltInPoints.AsNoTracking().Where(p => keys.Contains(p.SourceKey)).Select(p => new { p.SeriesId, p.Time }).ToListAsync(ct);
        if (old.Count > 0) await db.BuiltInPoints.Where(p => keys.Contains(p.SourceKey)).ExecuteDeleteAsync(ct);

        var series = new Dictionary<Guid, Series>();
        var points = new Dictionary<(string, Guid), BuiltInPoint>();
        foreach (var state in states)
        {
            foreach (var f in state.Figures ?? [])
            {
                if (!double.IsFinite(f.Value)) continue;
                var tags = SeriesKey.CanonicalTags(f.Tags);
                var id = SeriesKey.Id(householdId, productId, f.Metric, tags, f.Owner);
                series.TryAdd(id, new Series { Id = id, HouseholdId = householdId, ProductId = productId, Metric = f.Metric, Tags = tags, OwnerId = f.Owner, CreatedAt = now });
                // Two shares of one source in one series (a split entry with two parts in one category) are one value.
                if (points.TryGetValue((state.Key, id), out var same)) same.Value += f.Value;
                else points[(state.Key, id)] = new BuiltInPoint { HouseholdId = householdId, SourceKey = state.Key, SeriesId = id, Time = DateTime.SpecifyKind(f.Time, DateTimeKind.Utc), Value = f.Value };
            }
        }
        await db.InsertIfMissingAsync(series.Values.ToList(), ct);
        await db.BulkInsertAsync(points.Values.ToList(), ct);

        var touched = old.Select(p => (p.SeriesId, Time: DateTime.SpecifyKind(p.Time, DateTimeKind.Utc)))
            .Concat(points.Values.Select(p => (p.SeriesId, p.Time)));
        foreach (var bySeries in touched.GroupBy(p => p.SeriesId)) await RecomputeAsync(householdId, bySeries.Key, bySeries.Select(p => p.Time).ToList(), ct);
    }

    /// <summary>Recomputes the buckets of one series that the given instants touch, from its stored points.</summary>
    private async Task RecomputeAsync(Guid householdId, Guid seriesId, IReadOnlyList<DateTime> instants, CancellationToken ct)
    {
        var buckets = instants.SelectMany(BuiltInRollups.BucketsOf).Distinct().ToList();
        // Every bucket lies within its UTC day: the points of the touched days are all the recomputation needs.
        var days = buckets.Where(b => b.Resolution == Resolution.Day).Select(b => b.Start).ToList();
        var (from, to) = (days.Min(), days.Max().AddDays(1));
        var stored = await db.BuiltInPoints.AsNoTracking()
            .Where(p => p.SeriesId == seriesId && p.Time >= from && p.Time < to)
            .Select(p => new { p.Time, p.Value }).ToListAsync(ct);
        var result = BuiltInRollups.Recompute(stored.Select(p => (DateTime.SpecifyKind(p.Time, DateTimeKind.Utc), p.Value)), buckets);
        var empty = result.Where(r => r.Value is null).Select(r => r.Key).ToList();
        foreach (var resolution in BuiltInRollups.Resolutions)
        {
            var starts = empty.Where(b => b.Resolution == resolution).Select(b => b.Start).ToList();
            foreach (var chunk in starts.Chunk(500))
            {
                await db.Rollups.Where(r => r.SeriesId == seriesId && r.Resolution == resolution && chunk.Contains(r.BucketStart)).ExecuteDeleteAsync(ct);
            }
        }
        var rows = result.Where(r => r.Value is not null).OrderBy(r => r.Key.Resolution).ThenBy(r => r.Key.Start)
            .Select(r => new Rollup
            {
                HouseholdId = householdId, SeriesId = seriesId, Resolution = r.Key.Resolution, BucketStart = r.Key.Start,
                ValueCount = r.Value!.Count, ValueSum = r.Value.Sum, ValueMin = r.Value.Min, ValueMax = r.Value.Max,
                LastAt = DateTime.SpecifyKind(r.Value.LastAt, DateTimeKind.Utc), LastValue = r.Value.Last,
            })
            .ToList();
        await RollupStore.ReplaceAsync(db, rows, ct);
    }

    /// <summary>The household's built-in product, created with its first figure (its id is derived from the
    /// household, so two first figures at once create one).</summary>
    private async Task<Guid> EnsureProductAsync(Guid householdId, DateTime now, CancellationToken ct)
    {
        var id = SeriesKey.BuiltInProductId(householdId);
        if (!await db.Products.AnyAsync(p => p.Id == id, ct))
        {
            await db.InsertIfMissingAsync(new[]
            {
                new Product
                {
                    Id = id, HouseholdId = householdId, Name = Product.BuiltInName, BuiltIn = true, CreatedAt = now, UpdatedAt = now,
                    Description = "Figures of Expenses, Heating, Nutrition and Training, kept by TrackStack.",
                },
            }, ct);
        }
        return id;
    }
}
