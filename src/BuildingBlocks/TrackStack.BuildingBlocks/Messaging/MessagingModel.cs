using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Households;

namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>The tables BuildingBlocks owns in every module database (platform migrations 9001+): outbox, inbox and
/// the household contexts.</summary>
internal static class MessagingModel
{
    public static readonly string[] PlatformTables = ["outbox_messages", "inbox_messages", "household_contexts"];

    public static void ApplyMessagingModel(this ModelBuilder model)
    {
        model.Entity<StoredHouseholdContext>(b =>
        {
            b.ToTable("household_contexts");
            b.HasKey(x => x.HouseholdId);
            b.Property(x => x.HouseholdId).ValueGeneratedNever();
            b.Property(x => x.Name).HasMaxLength(100).IsRequired();
            b.Property(x => x.TimeZone).HasMaxLength(64).IsRequired();
            b.Property(x => x.Currency).HasMaxLength(3).IsRequired();
            b.Property(x => x.Locale).HasMaxLength(20).IsRequired();
        });
        model.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Type).HasMaxLength(200).IsRequired();
            b.Property(x => x.Payload).IsRequired();
            b.Property(x => x.LastError).HasMaxLength(2000);
            b.Property(x => x.TraceParent).HasMaxLength(100);
            b.Property(x => x.Attempts).IsConcurrencyToken();
            b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });
        model.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(x => new { x.EventId, x.Handler });
            b.Property(x => x.Handler).HasMaxLength(200);
            b.Property(x => x.Type).HasMaxLength(200).IsRequired();
            b.Property(x => x.Payload).IsRequired();
            b.Property(x => x.LastError).HasMaxLength(2000);
            b.Property(x => x.TraceParent).HasMaxLength(100);
            b.Property(x => x.Attempts).IsConcurrencyToken();
            b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });
    }
}
