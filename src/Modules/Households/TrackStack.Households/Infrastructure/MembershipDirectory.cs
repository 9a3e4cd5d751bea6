namespace TrackStack.Households.Infrastructure;

/// <summary>Answers membership and household-context questions for the modules of this process from memory, so
/// the household route filter costs no query per request. Entries are dropped the moment this process commits a
/// change to them (<see cref="MembershipCacheInvalidation"/>) and live at most <see cref="MembershipCache.TimeToLive"/>,
/// so another replica's change shows within that time.</summary>
internal sealed class MembershipDirectory(MembershipCache cache, IServiceProvider services) : IHouseholdMembershipQuery
{
    public async ValueTask<HouseholdRole?> GetRoleAsync(Guid householdId, Guid userId, CancellationToken ct)
    {
        var key = RoleKey(householdId, userId);
        if (cache.TryGet(key, out HouseholdRole? role)) return role;
        var generation = cache.Generation(key);
        role = await Db.Memberships.AsNoTracking()
            .Where(m => m.HouseholdId == householdId && m.UserId == userId)
            .Select(m => (HouseholdRole?)m.Role)
            .FirstOrDefaultAsync(ct);
        cache.Store(key, role, generation);
        return role;
    }

    public async ValueTask<HouseholdContext?> GetContextAsync(Guid householdId, CancellationToken ct)
    {
        var key = ContextKey(householdId);
        if (cache.TryGet(key, out HouseholdContext? context)) return context;
        var generation = cache.Generation(key);
        context = await Db.Households.AsNoTracking()
            .Where(h => h.Id == householdId)
            .Select(h => new HouseholdContext(h.Id, h.Name, h.TimeZone, h.Currency, h.Locale))
            .FirstOrDefaultAsync(ct);
        cache.Store(key, context, generation);
        return context;
    }

    public async Task<IReadOnlyList<HouseholdMembershipSummary>> ListForUserAsync(Guid userId, CancellationToken ct)
    {
        var rows = await Db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(Db.Households, m => m.HouseholdId, h => h.Id, (m, h) => new { h.Id, h.Name, m.Role, h.IsPersonal, m.LastUsedAt })
            .ToListAsync(ct);
        return rows.OrderByDescending(h => h.IsPersonal).ThenBy(h => h.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(h => new HouseholdMembershipSummary(h.Id, h.Name, h.Role, h.IsPersonal, h.LastUsedAt)).ToList();
    }

    // Resolved only on a cache miss: most requests never build a HouseholdsDb.
    private HouseholdsDb Db => services.GetRequiredService<HouseholdsDb>();

    internal static object RoleKey(Guid householdId, Guid userId) => ("household-role", householdId, userId);

    internal static object ContextKey(Guid householdId) => ("household-context", householdId);
}
