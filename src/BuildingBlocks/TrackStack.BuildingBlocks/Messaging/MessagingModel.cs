using Microsoft.EntityFrameworkCore;

namespace TrackStack.BuildingBlocks.Messaging;

internal static class MessagingModel
{
    public static void ApplyMessagingModel(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Type).HasMaxLength(200).IsRequired();
            b.Property(x => x.Payload).IsRequired();
            b.Property(x => x.LastError).HasMaxLength(2000);
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
            b.Property(x => x.Attempts).IsConcurrencyToken();
            b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });
    }
}
