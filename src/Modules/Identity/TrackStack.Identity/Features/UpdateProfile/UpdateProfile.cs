namespace TrackStack.Identity.Features.UpdateProfile;

public sealed record UpdateProfileRequest(string? DisplayName);

internal static class UpdateProfile
{
    public static void MapUpdateProfile(this RouteGroupBuilder me) =>
        me.MapPut("", HandleAsync).WithSummary("Change the display name");

    internal static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(UpdateProfileRequest request, HttpContext http, UserManager<User> users)
    {
        var user = await users.FindByIdAsync(http.User.GetUserId().ToString());
        if (user is null) return Problems.Unauthorized("Account not found", "Sign in again.");
        var errors = new FieldErrors();
        AccountRules.CheckDisplayName(errors, request.DisplayName);
        if (errors.Any) return errors.ToResult();
        user.DisplayName = request.DisplayName!.Trim();
        await users.UpdateAsync(user);
        return TypedResults.Ok(user.ToResponse());
    }
}
