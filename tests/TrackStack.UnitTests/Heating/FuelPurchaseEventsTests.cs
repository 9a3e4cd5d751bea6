using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Heating.Contracts;

namespace TrackStack.UnitTests.Heating;

/// <summary>Expenses reads these from outboxes written by older versions: the wire names stay, and payloads
/// without a version still read (as version 0).</summary>
public sealed class FuelPurchaseEventsTests
{
    [Fact]
    public void Payloads_from_before_versions_still_read_as_version_0()
    {
        var purchaseId = Guid.NewGuid();
        var bought = (FuelPurchased)EventSerializer.Deserialize(
            $$"""{"eventId":"{{Guid.NewGuid()}}","occurredAt":"2026-10-12T08:00:00Z","householdId":"{{Guid.NewGuid()}}","purchaseId":"{{purchaseId}}","date":"2026-10-12","quantity":70,"unit":"bag","fuel":"woodPellets","totalPriceCents":38500,"supplier":null,"recordedBy":"{{Guid.NewGuid()}}"}""",
            typeof(FuelPurchased));
        Assert.Equal((purchaseId, 38500L, 0L), (bought.PurchaseId, bought.TotalPriceCents, bought.Version));
        var deleted = (FuelPurchaseDeleted)EventSerializer.Deserialize(
            $$"""{"eventId":"{{Guid.NewGuid()}}","occurredAt":"2026-10-12T08:00:00Z","householdId":"{{Guid.NewGuid()}}","purchaseId":"{{purchaseId}}"}""",
            typeof(FuelPurchaseDeleted));
        Assert.Equal(0L, deleted.Version);
    }

    [Fact]
    public void The_events_keep_their_wire_names_and_name_their_household()
    {
        Assert.Equal(
            ["heating.fuel-purchased.v1", "heating.fuel-purchase-changed.v1", "heating.fuel-purchase-deleted.v1"],
            new[] { typeof(FuelPurchased), typeof(FuelPurchaseChanged), typeof(FuelPurchaseDeleted) }.Select(EventTypeAttribute.NameOf));
        // Household events are handled in their household's scope (the messaging worker enters it).
        Assert.All(new[] { typeof(FuelPurchased), typeof(FuelPurchaseChanged), typeof(FuelPurchaseDeleted) },
            t => Assert.True(typeof(IHouseholdEvent).IsAssignableFrom(t), t.Name));
    }
}
