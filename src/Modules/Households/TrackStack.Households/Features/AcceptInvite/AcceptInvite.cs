namespace TrackStack.Households.Features.AcceptInvite;

internal static class AcceptInvite
{
    public static void MapAcceptInvite(this RouteGroupBuilder invites) =>
        invites.MapPost("/{token}/accept", HandleAsync)
            .WithSummary("Join the household of an invite")
            .WithDescription("Works once, before it expires, for any signed-in account holding the link.");

    internal static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> HandleAsync(string token, HttpContext http, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invite = await db.FindOpenAsync(token, now, ct);
        if (invite is null) return OpenInvites.InvalidLink();
        var userId = http.User.GetUserId();
        var household = await db.Households.FirstAsync(h => h.Id == invite.HouseholdId, ct);
        if (await db.Memberships.AnyAsync(m => m.HouseholdId == invite.HouseholdId && m.UserId == userId, ct))
        {
            return Problems.Conflict("Already a member", $"You already belong to {household.Name}.");
        }
        invite.AcceptedAt = now;
        invite.AcceptedBy = userId;
        db.Memberships.Add(new Membership
        {
            HouseholdId = invite.HouseholdId,
            UserId = userId,
            Email = http.User.GetEmail(),
            DisplayName = http.User.GetDisplayName(),
            Role = invite.Role,
            JoinedAt = now,
        });
        db.PublishEvent(new MemberJoined(Guid.NewGuid(), now, invite.HouseholdId, userId, http.User.GetDisplayName(), invite.Role.Wire()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OpenInvites.InvalidLink();
        }
        return TypedResults.Ok(household.ToResponse(invite.Role));
    }
}
