namespace TrackStack.Households;

/// <summary>Finding an invite by the token of its link: only open ones (not accepted, withdrawn or expired).</summary>
internal static class OpenInvites
{
    public static async Task<Invite?> FindOpenAsync(this HouseholdsDb db, string token, DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = SecretToken.Hash(token);
        var invite = await db.Invites.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invite is not null && invite.IsOpen(now) ? invite : null;
    }

    public static ProblemHttpResult InvalidLink() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Invite not found",
            detail: "This invite link was already used, withdrawn or has expired. Ask for a new one.");
}
