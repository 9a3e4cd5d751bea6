namespace TrackStack.Households.Features.GetMember;

internal static class GetMember
{
    public static void MapGetMember(this RouteGroupBuilder household) =>
        household.MapGet("/members/{userId:guid}", HandleAsync)
            .WithSummary("One member and their role (module services use it to check who may do what)");

    internal static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> HandleAsync(Guid householdId, Guid userId, HouseholdsDb db, CancellationToken ct)
    {
        var member = await db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.HouseholdId == householdId && m.UserId == userId, ct);
        return member is null ? Problems.NotFound("Member") : TypedResults.Ok(member.ToResponse());
    }
}
