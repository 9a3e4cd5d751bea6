namespace TrackStack.Identity.Features.GetMe;

/// <summary>The account, its households, and the household it used last on any device (null when none was chosen
/// yet): the web app opens that one at sign-in.</summary>
public sealed record MeResponse(Guid Id, string Email, string DisplayName, bool EmailVerified, bool HasPassword, IReadOnlyList<string> ExternalLogins, IReadOnlyList<MeHouseholdResponse> Households, Guid? LastHouseholdId);

public sealed record MeHouseholdResponse(Guid Id, string Name, HouseholdRole Role, bool IsPersonal);

internal static class GetMe
{
    public static void MapGetMe(this RouteGroupBuilder me) =>
        me.MapGet("", HandleAsync).WithSummary("The signed-in user and their households with roles");

    internal static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> HandleAsync(HttpContext http, UserManager<User> users, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(http.User.GetUserId().ToString());
        if (user is null) return Problems.Unauthorized("Account not found", "Sign in again.");
        var logins = (await users.GetLoginsAsync(user)).Select(l => l.LoginProvider.ToLowerInvariant()).ToList();
        var memberships = http.RequestServices.GetService<IHouseholdMembershipQuery>();
        var summaries = memberships is null ? [] : await memberships.ListForUserAsync(user.Id, ct);
        var households = summaries.Select(h => new MeHouseholdResponse(h.HouseholdId, h.Name, h.Role, h.IsPersonal)).ToList();
        var last = summaries.Where(h => h.LastUsedAt is not null).MaxBy(h => h.LastUsedAt)?.HouseholdId;
        return TypedResults.Ok(new MeResponse(user.Id, user.Email ?? "", user.DisplayName, user.EmailConfirmed, user.PasswordHash is not null, logins, households, last));
    }
}
