namespace TrackStack.Households.Features.InviteMember;

public sealed record InviteRequest(string? Email, HouseholdRole? Role);

/// <summary>The token and link are shown once, at creation: only their hash is stored.</summary>
public sealed record CreatedInviteResponse(Guid Id, string Email, HouseholdRole Role, DateTime ExpiresAt, string Token, string AcceptUrl, bool EmailSent);

internal static class InviteMember
{
    public static void MapInviteMember(this RouteGroupBuilder household) =>
        household.MapPost("/invites", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Invite someone by e-mail with a role")
            .WithDescription("Answers with the single-use token and acceptUrl so the link can also be shared by hand (always needed when SMTP is not configured).");

    internal static async Task<Results<Created<CreatedInviteResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
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

        var acceptUrl = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/invite?token={Uri.EscapeDataString(token)}";
        var sent = false;
        if (email.IsConfigured)
        {
            var household = access.Context.Name;
            try
            {
                await email.SendAsync(new EmailMessage(address, $"{http.User.GetDisplayName()} invites you to {household} on TrackStack",
                    $"Hello,\n\n{http.User.GetDisplayName()} invites you to join the household \"{household}\" on TrackStack as {invite.Role.Wire()}.\n\nAccept the invitation here (sign up first if you have no account):\n\n{acceptUrl}\n\nThe link works once and expires on {invite.ExpiresAt:yyyy-MM-dd}.\n") { Kind = "invite" }, ct);
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
}
