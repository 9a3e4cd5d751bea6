using TrackStack.Identity.Contracts;

namespace TrackStack.Households.Features.CreatePersonalHousehold;

/// <summary>Every new account gets a personal household it owns. Runs from the inbox: a redelivered
/// UserRegistered is skipped by the inbox, and the existence check below guards replays by hand.</summary>
internal sealed class CreatePersonalHousehold(HouseholdsDb db, HouseholdWriter writer) : IIntegrationEventHandler<UserRegistered>
{
    public const string Name = "create-personal-household";

    public async Task HandleAsync(UserRegistered e, CancellationToken ct)
    {
        var exists = await db.Households.AnyAsync(h => h.IsPersonal && h.CreatedBy == e.UserId, ct);
        if (exists) return;
        var name = $"{e.DisplayName}'s household";
        writer.Create(name.Length > 100 ? name[..100] : name, null, null, null, isPersonal: true, e.UserId, e.Email, e.DisplayName);
        await db.SaveChangesAsync(ct);
    }
}
