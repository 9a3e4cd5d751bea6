namespace TrackStack.Identity.Features.GetMe;

public sealed record MeResponse(Guid Id, string Email, string DisplayName, bool EmailVerified, bool HasPassword, IReadOnlyList<string> ExternalLogins, IReadOnlyList<MeHouseholdResponse> Households);

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
        var households = memberships is null
            ? []
            : (await memberships.ListForUserAsync(user.Id, ct)).Select(h => new MeHouseholdResponse(h.HouseholdId, h.Name, h.Role, h.IsPersonal)).ToList();
        return TypedResults.Ok(new MeResponse(user.Id, user.Email ?? "", user.DisplayName, user.EmailConfirmed, user.PasswordHash is not null, logins, households));
    }
}
