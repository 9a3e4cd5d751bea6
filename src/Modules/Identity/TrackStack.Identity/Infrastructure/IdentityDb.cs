using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace TrackStack.Identity.Infrastructure;

internal sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityUserContext<User, Guid>(options)
{
    public const string Module = "identity";

    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<EmailToken> EmailTokens => Set<EmailToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<User>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<Session>(b =>
        {
            b.ToTable("sessions");
            b.HasKey(s => s.Id);
            b.Property(s => s.UserAgent).HasMaxLength(200);
            b.Property(s => s.IpPrefix).HasMaxLength(64);
            b.Property(s => s.RevokedReason).HasMaxLength(100);
            b.HasIndex(s => s.UserId);
        });
        builder.Entity<RefreshToken>(b =>
        {
            b.ToTable("refresh_tokens");
            b.HasKey(t => t.Id);
            b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
            b.Property(t => t.UsedAt).IsConcurrencyToken();
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.SessionId);
        });
        builder.Entity<EmailToken>(b =>
        {
            b.ToTable("email_tokens");
            b.HasKey(t => t.Id);
            b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
            b.Property(t => t.UsedAt).IsConcurrencyToken();
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.UserId);
        });
        builder.ApplyModuleConventions(this, Module);
    }
}
