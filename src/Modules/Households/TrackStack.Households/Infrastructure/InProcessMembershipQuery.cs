using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Households;

namespace TrackStack.Households.Infrastructure;

/// <summary>Answers membership questions straight from the Households tables, for modules in this process.
/// Nothing is cached, so a removed member loses access on the very next request.</summary>
internal sealed class InProcessMembershipQuery(HouseholdsDb db) : IHouseholdMembershipQuery
{
    public async Task<HouseholdRole?> GetRoleAsync(Guid householdId, Guid userId, CancellationToken ct) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.HouseholdId == householdId && m.UserId == userId)
            .Select(m => (HouseholdRole?)m.Role)
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<HouseholdMembershipSummary>> ListForUserAsync(Guid userId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Households, m => m.HouseholdId, h => h.Id, (m, h) => new { h.Id, h.Name, m.Role, h.IsPersonal })
            .ToListAsync(ct);
        return rows.OrderByDescending(h => h.IsPersonal).ThenBy(h => h.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(h => new HouseholdMembershipSummary(h.Id, h.Name, h.Role, h.IsPersonal)).ToList();
    }

    public async Task<HouseholdSettings?> GetSettingsAsync(Guid householdId, CancellationToken ct) =>
        await db.Households.AsNoTracking()
            .Where(h => h.Id == householdId)
            .Select(h => new HouseholdSettings(h.Id, h.Name, h.TimeZone, h.Currency, h.Locale))
            .FirstOrDefaultAsync(ct);
}
