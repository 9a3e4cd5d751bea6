namespace TrackStack.Households.Features.ViewInvite;

public sealed record InvitePreviewResponse(Guid HouseholdId, string HouseholdName, HouseholdRole Role, string Email, DateTime ExpiresAt);

internal static class ViewInvite
{
    public static void MapViewInvite(this RouteGroupBuilder invites) =>
        invites.MapGet("/{token}", HandleAsync).WithSummary("What an invite link offers (household and role)");

    internal static async Task<Results<Ok<InvitePreviewResponse>, ProblemHttpResult>> HandleAsync(string token, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var invite = await db.FindOpenAsync(token, clock.GetUtcNow().UtcDateTime, ct);
        if (invite is null) return OpenInvites.InvalidLink();
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == invite.HouseholdId, ct);
        return TypedResults.Ok(new InvitePreviewResponse(household.Id, household.Name, invite.Role, invite.Email, invite.ExpiresAt));
    }
}
