using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Auth;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Email;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Households.Domain;
using TrackStack.Households.Infrastructure;

namespace TrackStack.Households.Features.Invites;

public sealed record InviteRequest(string? Email, HouseholdRole? Role);

public sealed record InviteResponse(Guid Id, string Email, HouseholdRole Role, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>The token and link are shown once, at creation: only their hash is stored.</summary>
public sealed record CreatedInviteResponse(Guid Id, string Email, HouseholdRole Role, DateTime ExpiresAt, string Token, string AcceptUrl, bool EmailSent);

internal static class InviteEndpoints
{
    public static void MapInvites(this RouteGroupBuilder household)
    {
        household.MapPost("/invites", CreateAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Invite someone by e-mail with a role")
            .WithDescription("Answers with the single-use token and acceptUrl so the link can also be shared by hand (always needed when SMTP is not configured).");
        household.MapGet("/invites", ListAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Pending invites");
        household.MapDelete("/invites/{inviteId:guid}", RevokeAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Withdraw a pending invite");
    }

    internal static async Task<Results<Created<CreatedInviteResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid householdId, InviteRequest request, HttpContext http, HouseholdsDb db, IEmailSender email,
        IOptions<TrackStackOptions> options, TimeProvider clock, ILogger<InviteRequest> logger, CancellationToken ct)
    {
        var address = (request.Email ?? "").Trim().ToLowerInvariant();
        var errors = new FieldErrors();
        errors.Check(address.Length is > 3 and <= 254 && System.Net.Mail.MailAddress.TryCreate(address, out var parsed) && parsed.Address == address,
            "email", "This is not a valid e-mail address.");
        if (request.Role is not { } role || !Enum.IsDefined(role)) errors.Add("role", "Choose one of owner, admin, member or viewer.");
        if (errors.Any) return errors.ToResult();

        var access = http.GetHouseholdAccess();
        if (MembershipRules.CanInvite(access.Role, request.Role!.Value) is { } refusal) return Problems.Forbidden(refusal);
        if (await db.Memberships.AnyAsync(m => m.HouseholdId == householdId && m.Email == address, ct))
        {
            return new FieldErrors().Add("email", "This person is already a member.").ToResult();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = SecretToken.Create();
        var invite = new Invite
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            Email = address,
            Role = request.Role!.Value,
            TokenHash = SecretToken.Hash(token),
            CreatedAt = now,
            CreatedBy = access.UserId,
            ExpiresAt = now.AddDays(options.Value.Auth.InviteDays),
        };
        db.Invites.Add(invite);
        await db.SaveChangesAsync(ct);

        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == householdId, ct);
        var acceptUrl = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/invite?token={Uri.EscapeDataString(token)}";
        var sent = false;
        if (email.IsConfigured)
        {
            try
            {
                await email.SendAsync(new EmailMessage(address, $"{http.User.GetDisplayName()} invites you to {household.Name} on TrackStack",
                    $"Hello,\n\n{http.User.GetDisplayName()} invites you to join the household \"{household.Name}\" on TrackStack as {invite.Role.Wire()}.\n\nAccept the invitation here (sign up first if you have no account):\n\n{acceptUrl}\n\nThe link works once and expires on {invite.ExpiresAt:yyyy-MM-dd}.\n"), ct);
                sent = true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not e-mail the invite {InviteId}; share the link by hand", invite.Id);
            }
        }
        return TypedResults.Created($"/api/households/{householdId}/invites/{invite.Id}",
            new CreatedInviteResponse(invite.Id, invite.Email, invite.Role, invite.ExpiresAt, token, acceptUrl, sent));
    }

    internal static async Task<Ok<InviteResponse[]>> ListAsync(Guid householdId, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invites = await db.Invites.AsNoTracking()
            .Where(i => i.HouseholdId == householdId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ToListAsync(ct);
        return TypedResults.Ok(invites.OrderBy(i => i.CreatedAt).Select(i => new InviteResponse(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt)).ToArray());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid householdId, Guid inviteId, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var invite = await db.Invites.FirstOrDefaultAsync(i => i.Id == inviteId && i.HouseholdId == householdId, ct);
        if (invite is null || invite.AcceptedAt is not null) return Problems.NotFound("Invite");
        invite.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
