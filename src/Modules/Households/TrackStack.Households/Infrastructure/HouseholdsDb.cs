namespace TrackStack.Households.Infrastructure;

internal sealed class HouseholdsDb(DbContextOptions<HouseholdsDb> options) : DbContext(options)
{
    public const string Module = "households";

    public DbSet<Household> Households => Set<Household>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invite> Invites => Set<Invite>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Household>(e =>
        {
            e.ToTable("households");
            e.HasKey(h => h.Id);
            e.Property(h => h.Name).HasMaxLength(100).IsRequired();
            e.Property(h => h.TimeZone).HasMaxLength(64).IsRequired();
            e.Property(h => h.Currency).HasMaxLength(3).IsRequired();
            e.Property(h => h.Locale).HasMaxLength(20).IsRequired();
        });
        b.Entity<Membership>(e =>
        {
            e.ToTable("memberships");
            e.HasKey(m => new { m.HouseholdId, m.UserId });
            e.Property(m => m.Email).HasMaxLength(254).IsRequired();
            e.Property(m => m.DisplayName).HasMaxLength(100).IsRequired();
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(m => m.UserId);
            e.HasOne<Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Invite>(e =>
        {
            e.ToTable("invites");
            e.HasKey(i => i.Id);
            e.Property(i => i.Email).HasMaxLength(254).IsRequired();
            e.Property(i => i.Role).HasConversion<string>().HasMaxLength(10);
            e.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
            e.Property(i => i.AcceptedAt).IsConcurrencyToken();
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => i.HouseholdId);
            e.HasOne<Household>().WithMany().HasForeignKey(i => i.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        });
        b.ApplyModuleConventions(this, Module);
    }
}
