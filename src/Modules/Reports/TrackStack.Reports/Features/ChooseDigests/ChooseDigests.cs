namespace TrackStack.Reports.Features.ChooseDigests;

/// <summary>Turns digests on or off for the caller alone (any role: a viewer may read the household's figures, so may
/// get them by e-mail). The first member to turn one on starts it from its next send; nobody catches up an old one.</summary>
internal static class ChooseDigests
{
    public static void MapChooseDigests(this RouteGroupBuilder group) =>
        group.MapPut("/digests/me", HandleAsync).RequireHouseholdRole(HouseholdRole.Viewer)
            .WithSummary("Turn built-in digests on or off for the caller; the answer is the caller's choices as after GET");

    internal static async Task<Results<Ok<List<DigestResponse>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, DigestChoicesRequest request, HttpContext http, ReportsDb db, [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var choices = request.Digests ?? [];
        errors.Check(request.Digests is not null, "digests", "Give the digests to change: [{ kind, enabled }].");
        for (var i = 0; i < choices.Count; i++)
        {
            errors.Check(DigestKind.Find(choices[i].Kind) is not null, $"digests[{i}].kind", $"Use one of {string.Join(", ", DigestKind.All.Select(k => k.Kind))}.");
            errors.Check(choices[i].Enabled is not null, $"digests[{i}].enabled", "Say true or false.");
        }
        if (errors.Any) return errors.ToResult();
        var access = http.GetHouseholdAccess();
        var zone = SendTimes.Zone(access.Context.TimeZone);
        foreach (var choice in choices)
        {
            var kind = DigestKind.Find(choice.Kind)!;
            // A claim of the same row at this moment moves its version: read it again and repeat the change.
            for (var attempt = 1; ; attempt++)
            {
                var now = StoredTime.Now(clock);
                var row = await DigestRows.GetOrCreateAsync(db, kind, householdId, access.UserId, now, ct);
                var changed = choice.Enabled!.Value ? row.Add(access.UserId, zone, now) : row.Remove(access.UserId, now);
                if (!changed) break;
                try
                {
                    await db.SaveChangesAsync(ct);
                    break;
                }
                catch (DbUpdateConcurrencyException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                }
                catch (DbUpdateConcurrencyException)
                {
                    return Problems.Conflict("The digest was being sent at this moment.", "Try again.");
                }
            }
        }
        return TypedResults.Ok(await DigestRows.ForMemberAsync(db, access.UserId, zone, StoredTime.Now(clock), ct));
    }
}
