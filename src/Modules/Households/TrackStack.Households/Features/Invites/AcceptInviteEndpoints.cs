using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Auth;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Households.Contracts;
using TrackStack.Households.Domain;
using TrackStack.Households.Infrastructure;

namespace TrackStack.Households.Features.Invites;

public sealed record InvitePreviewResponse(Guid HouseholdId, string HouseholdName, HouseholdRole Role, string Email, DateTime ExpiresAt);

internal static class AcceptInviteEndpoints
{
    public static void MapAcceptInvite(this IEndpointRouteBuilder app)
    {
        var invites = app.MapGroup("/api/invites").RequireAuthorization().WithTags("Households");
        invites.MapGet("/{token}", PreviewAsync).WithSummary("What an invite link offers (household and role)");
        invites.MapPost("/{token}/accept", AcceptAsync)
            .WithSummary("Join the household of an invite")
            .WithDescription("Works once, before it expires, for any signed-in account holding the link.");
    }

    internal static async Task<Results<Ok<InvitePreviewResponse>, ProblemHttpResult>> PreviewAsync(string token, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var invite = await FindOpenAsync(db, token, clock, ct);
        if (invite is null) return InvalidLink();
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == invite.HouseholdId, ct);
        return TypedResults.Ok(new InvitePreviewResponse(household.Id, household.Name, invite.Role, invite.Email, invite.ExpiresAt));
    }

    internal static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> AcceptAsync(string token, HttpContext http, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var invite = await FindOpenAsync(db, token, clock, ct);
        if (invite is null) return InvalidLink();
        var userId = http.User.GetUserId();
        var household = await db.Households.FirstAsync(h => h.Id == invite.HouseholdId, ct);
        if (await db.Memberships.AnyAsync(m => m.HouseholdId == invite.HouseholdId && m.UserId == userId, ct))
        {
            return Problems.Conflict("Already a member", $"You already belong to {household.Name}.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
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
            return InvalidLink();
        }
        return TypedResults.Ok(household.ToResponse(invite.Role));
    }

    private static async Task<Invite?> FindOpenAsync(HouseholdsDb db, string token, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = SecretToken.Hash(token);
        var invite = await db.Invites.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invite is not null && invite.IsOpen(clock.GetUtcNow().UtcDateTime) ? invite : null;
    }

    private static ProblemHttpResult InvalidLink() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Invite not found",
            detail: "This invite link was already used, withdrawn or has expired. Ask for a new one.");
}
