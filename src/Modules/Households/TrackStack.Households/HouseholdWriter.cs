namespace TrackStack.Households;

/// <summary>Creates a household with its first owner and queues the matching events (the caller saves).</summary>
internal sealed class HouseholdWriter(HouseholdsDb db, TimeProvider clock)
{
    public Household Create(string name, string? timeZone, string? currency, string? locale, bool isPersonal, Guid ownerId, string ownerEmail, string ownerName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var household = new Household
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            TimeZone = timeZone ?? HouseholdSettingsRules.DefaultTimeZone(),
            Currency = currency ?? "EUR",
            Locale = locale ?? "en-GB",
            IsPersonal = isPersonal,
            CreatedAt = now,
            CreatedBy = ownerId,
            Version = 1,
        };
        db.Households.Add(household);
        db.Memberships.Add(new Membership
        {
            HouseholdId = household.Id,
            UserId = ownerId,
            Email = ownerEmail,
            DisplayName = ownerName,
            Role = HouseholdRole.Owner,
            JoinedAt = now,
        });
        db.PublishEvent(new HouseholdCreated(Guid.NewGuid(), now, household.Id, household.Name, household.TimeZone, household.Currency, household.Locale, ownerId, household.Version));
        db.PublishEvent(new MemberJoined(Guid.NewGuid(), now, household.Id, ownerId, ownerName, HouseholdRole.Owner.Wire()));
        return household;
    }
}
