namespace TrackStack.Households.Features.GetMyMembership;

internal static class GetMyMembership
{
    public static void MapGetMyMembership(this RouteGroupBuilder household) =>
        household.MapGet("/members/me", Handle).WithSummary("Your own role");

    internal static Ok<MyMembershipResponse> Handle(HttpContext http)
    {
        var access = http.GetHouseholdAccess();
        return TypedResults.Ok(new MyMembershipResponse(access.HouseholdId, access.UserId, access.Role));
    }
}
