using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrackStack.Expenses.Contracts;

namespace TrackStack.Expenses;

/// <summary>The entry events (TrackStack.Expenses.Contracts), published from the one place every write passes:
/// ExpensesDb's save. It finds the entries the save adds, changes (also through their split parts) or deletes,
/// raises their versions and queues their events in the same transaction. Writes that bypass tracking say so:
/// bulk inserts call <see cref="PublishRecordedAsync"/>, set-based deletes <see cref="PublishDeletedAsync"/>, and
/// set-based moves between categories add the entries to EntriesToRepublish; renamed categories and tanks are
/// found by the save itself.</summary>
internal static class EntryEvents
{
    /// <summary>Before a save: the events of the tracked entries it adds, changes or deletes (their versions
    /// raised), and the entries it changes without tracking them (their parts, their category) noted for
    /// <see cref="PublishRepublishedAsync"/>.</summary>
    public static async Task PublishTrackedAsync(ExpensesDb db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var tracked = db.ChangeTracker.Entries<Entry>().ToList();
        // A changed split changes its entry, even if no field of the entry itself did.
        var partOwners = db.ChangeTracker.Entries<EntryPart>()
            .Where(p => p.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            .Select(p => p.Entity.EntryId).ToHashSet();
        await QueueCategoryChangesAsync(db, ct);

        var added = tracked.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var changed = tracked.Where(e => e.State == EntityState.Modified || (e.State == EntityState.Unchanged && partOwners.Contains(e.Entity.Id)))
            .Select(e => e.Entity).ToList();
        var deleted = tracked.Where(e => e.State == EntityState.Deleted).Select(e => e.Entity).ToList();
        var trackedIds = tracked.Select(e => e.Entity.Id).ToHashSet();
        db.EntriesToRepublish.UnionWith(partOwners.Where(id => !trackedIds.Contains(id)));
        db.EntriesToRepublish.ExceptWith(added.Concat(changed).Concat(deleted).Select(e => e.Id));
        if (added.Count + changed.Count + deleted.Count == 0) return;

        var now = Now(db);
        foreach (var e in deleted) db.PublishEvent(new EntryDeleted(Guid.NewGuid(), now, e.HouseholdId, e.Id, e.Version + 1));
        if (added.Count + changed.Count == 0) return;
        var names = await NamesAsync(db, ct);
        var currency = (await db.GetHouseholdContextAsync(db.HouseholdId, ct)).Currency;
        foreach (var e in added)
        {
            if (e.Version == 0) e.Version = 1;
            db.PublishEvent(Recorded(e, names, currency, now));
        }
        foreach (var e in changed)
        {
            var parts = db.Entry(e).Collection(x => x.Parts);
            if (!parts.IsLoaded) await parts.LoadAsync(ct);
            e.Version++;
            var (tank, category, shares) = names.Describe(e.CategoryId, e.AmountCents, e.Parts);
            db.PublishEvent(new EntryChanged(Guid.NewGuid(), now, e.HouseholdId, e.Id, e.Date, e.AmountCents, currency, EntryKinds.Of(e.AmountCents), tank, category, shares, e.Version));
        }
    }

    /// <summary>After a save: the entries it changed without tracking them, described as stored now, their versions
    /// raised in SQL. Returns whether it queued events (the caller saves them).</summary>
    public static async Task<bool> PublishRepublishedAsync(ExpensesDb db, CancellationToken ct)
    {
        if (db.EntriesToRepublish.Count == 0) return false;
        var ids = db.EntriesToRepublish.ToList();
        db.EntriesToRepublish.Clear();
        var names = await NamesAsync(db, ct);
        var currency = (await db.GetHouseholdContextAsync(db.HouseholdId, ct)).Currency;
        var now = Now(db);
        foreach (var chunk in ids.Chunk(500))
        {
            await db.Entries.Where(e => chunk.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Version, e => e.Version + 1), ct);
            foreach (var e in await db.Entries.AsNoTracking().Include(e => e.Parts).Where(e => chunk.Contains(e.Id)).ToListAsync(ct))
            {
                var (tank, category, shares) = names.Describe(e.CategoryId, e.AmountCents, e.Parts);
                db.PublishEvent(new EntryChanged(Guid.NewGuid(), now, e.HouseholdId, e.Id, e.Date, e.AmountCents, currency, EntryKinds.Of(e.AmountCents), tank, category, shares, e.Version));
            }
        }
        return true;
    }

    private static EntryRecorded Recorded(Entry e, CategoryNames names, string currency, DateTime now)
    {
        var (tank, category, shares) = names.Describe(e.CategoryId, e.AmountCents, e.Parts);
        return new EntryRecorded(Guid.NewGuid(), now, e.HouseholdId, e.Id, e.Date, e.AmountCents, currency, EntryKinds.Of(e.AmountCents), tank, category, shares, e.Version);
    }

    /// <summary>The application's clock (tests move it): the event's time is also when the relay may send it.</summary>
    internal static DateTime Now(ExpensesDb db)
    {
        var clock = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>() ?? TimeProvider.System;
        return clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>The events of entries stored by a bulk insert (an import, recurring postings), which the change
    /// tracker never sees. Sets version 1 on entries without one, so call it before the insert.</summary>
    public static async Task PublishRecordedAsync(ExpensesDb db, IReadOnlyList<Entry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        var names = await NamesAsync(db, ct);
        var currency = (await db.GetHouseholdContextAsync(db.HouseholdId, ct)).Currency;
        var now = Now(db);
        foreach (var e in entries)
        {
            if (e.Version == 0) e.Version = 1;
            db.PublishEvent(Recorded(e, names, currency, now));
        }
    }

    /// <summary>The events of entries a set-based delete is about to remove (call it before the delete).</summary>
    public static async Task PublishDeletedAsync(ExpensesDb db, IQueryable<Entry> entries, CancellationToken ct)
    {
        var now = Now(db);
        foreach (var e in await entries.AsNoTracking().Select(e => new { e.HouseholdId, e.Id, e.Version }).ToListAsync(ct))
        {
            db.PublishEvent(new EntryDeleted(Guid.NewGuid(), now, e.HouseholdId, e.Id, e.Version + 1));
        }
    }

    /// <summary>A renamed category, or one moved to another tank, and a renamed tank change the tags of their
    /// entries: those are published again.</summary>
    private static async Task QueueCategoryChangesAsync(ExpensesDb db, CancellationToken ct)
    {
        static bool Changed<T>(EntityEntry<T> e, params string[] properties) where T : class =>
            e.State == EntityState.Modified && properties.Any(p => e.Property(p).IsModified && !Equals(e.Property(p).OriginalValue, e.Property(p).CurrentValue));
        var categories = db.ChangeTracker.Entries<Category>().Where(c => Changed(c, nameof(Category.Name), nameof(Category.TankId))).Select(c => c.Entity.Id).ToList();
        var tanks = db.ChangeTracker.Entries<Tank>().Where(t => Changed(t, nameof(Tank.Name))).Select(t => t.Entity.Id).ToList();
        if (tanks.Count > 0) categories.AddRange(await db.Categories.AsNoTracking().Where(c => tanks.Contains(c.TankId)).Select(c => c.Id).ToListAsync(ct));
        if (categories.Count == 0) return;
        db.EntriesToRepublish.UnionWith(await db.Entries.AsNoTracking().Where(e => e.CategoryId != null && categories.Contains(e.CategoryId.Value)).Select(e => e.Id).ToListAsync(ct));
        db.EntriesToRepublish.UnionWith(await db.EntryParts.AsNoTracking().Where(p => categories.Contains(p.CategoryId)).Select(p => p.EntryId).ToListAsync(ct));
    }

    private static async Task<CategoryNames> NamesAsync(ExpensesDb db, CancellationToken ct)
    {
        // Names as this save leaves them: tracked (renamed, new) categories and tanks over the stored ones.
        var categories = (await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name, c.TankId }).ToListAsync(ct)).ToDictionary(c => c.Id, c => (c.Name, c.TankId));
        foreach (var c in db.ChangeTracker.Entries<Category>().Where(c => c.State != EntityState.Deleted)) categories[c.Entity.Id] = (c.Entity.Name, c.Entity.TankId);
        var tanks = (await db.Tanks.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct)).ToDictionary(t => t.Id, t => t.Name);
        foreach (var t in db.ChangeTracker.Entries<Tank>().Where(t => t.State != EntityState.Deleted)) tanks[t.Entity.Id] = t.Entity.Name;
        return new CategoryNames(categories, tanks);
    }

    private sealed record CategoryNames(Dictionary<Guid, (string Name, Guid TankId)> Categories, Dictionary<Guid, string> Tanks)
    {
        private (string? Category, string? Tank) Of(Guid? categoryId) =>
            categoryId is { } id && Categories.TryGetValue(id, out var c) ? (c.Name, Tanks.GetValueOrDefault(c.TankId)) : (null, null);

        /// <summary>An unsplit entry: its category and tank, one share of its amount. A split entry: no category of its
        /// own, the tank only when all parts share it, one share per part (as the month sheet counts it).</summary>
        public (string? Tank, string? Category, IReadOnlyList<EntryShare> Shares) Describe(Guid? categoryId, long amountCents, List<EntryPart> parts)
        {
            if (parts.Count == 0)
            {
                var (category, tank) = Of(categoryId);
                return (tank, category, [new EntryShare(amountCents, category, tank)]);
            }
            var shares = parts.OrderBy(p => p.Position).Select(p => { var (category, tank) = Of(p.CategoryId); return new EntryShare(p.AmountCents, category, tank); }).ToList();
            var tanks = shares.Select(s => s.Tank).Distinct().ToList();
            return (tanks.Count == 1 ? tanks[0] : null, null, shares);
        }
    }
}
