namespace TrackStack.Dashboards.Infrastructure;

/// <summary>Dashboards, their widgets and the per-household seeding mark; the household filter scopes every query.</summary>
internal sealed class DashboardsDb(DbContextOptions<DashboardsDb> options, HouseholdScope scope) : HouseholdDbContext(options, scope)
{
    public const string Module = "dashboards";

    public DbSet<Dashboard> Dashboards => Set<Dashboard>();
    public DbSet<Widget> Widgets => Set<Widget>();
    public DbSet<DashboardSeeding> Seedings => Set<DashboardSeeding>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Dashboard>(e =>
        {
            e.ToTable("dashboards");
            e.HasKey(d => d.Id);
            e.Property(d => d.Name).HasMaxLength(WidgetVocabulary.MaxNameLength);
            e.Property(d => d.Description).HasMaxLength(WidgetVocabulary.MaxDescriptionLength);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasIndex(d => new { d.HouseholdId, d.Position });
            e.HasMany(d => d.Widgets).WithOne().HasForeignKey(w => w.DashboardId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Widget>(e =>
        {
            e.ToTable("widgets");
            e.HasKey(w => w.Id);
            e.Property(w => w.Kind).HasMaxLength(20);
            e.Property(w => w.Title).HasMaxLength(WidgetVocabulary.MaxTitleLength);
            e.Property(w => w.Metric).HasMaxLength(100);
            e.Property(w => w.Agg).HasMaxLength(20);
            e.Property(w => w.Bucket).HasMaxLength(20);
            e.Property(w => w.Range).HasMaxLength(20);
            e.Property(w => w.GroupBy).HasMaxLength(100);
            e.HasIndex(w => new { w.DashboardId, w.Position });
        });
        b.Entity<DashboardSeeding>(e =>
        {
            e.ToTable("seedings");
            e.HasKey(s => s.HouseholdId);
        });
        b.ApplyModuleConventions(this, Module);
    }
}
