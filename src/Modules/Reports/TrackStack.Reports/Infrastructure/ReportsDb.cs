namespace TrackStack.Reports.Infrastructure;

/// <summary>Report schedules, their runs (the claims and the delivery log), their outside recipients, and the
/// members and addresses projected from the Households and Identity events.</summary>
internal sealed class ReportsDb(DbContextOptions<ReportsDb> options, HouseholdScope scope) : HouseholdDbContext(options, scope)
{
    public const string Module = "reports";

    public DbSet<ReportSchedule> Schedules => Set<ReportSchedule>();
    /// <summary>The schedules members create (not the built-in digests' rows).</summary>
    public IQueryable<ReportSchedule> DashboardSchedules => Schedules.Where(s => s.Digest == null);
    public DbSet<ReportDelivery> Deliveries => Set<ReportDelivery>();
    public DbSet<ReportMember> Members => Set<ReportMember>();
    public DbSet<ReportUser> Users => Set<ReportUser>();
    public DbSet<ReportGuest> Guests => Set<ReportGuest>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<ReportSchedule>(e =>
        {
            e.ToTable("schedules");
            e.HasKey(s => s.Id);
            e.Property(s => s.Name).HasMaxLength(ScheduleRules.MaxNameLength);
            e.Property(s => s.Frequency).HasMaxLength(10);
            e.Property(s => s.Cron).HasMaxLength(100);
            e.Property(s => s.SendAt).HasMaxLength(5);
            e.Property(s => s.Period).HasMaxLength(10);
            e.Property(s => s.Widgets).HasMaxLength(200);
            e.Ignore(s => s.WidgetList);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasIndex(s => new { s.HouseholdId, s.Name });
            e.HasIndex(s => s.NextDueAt);
            e.Property(s => s.Digest).HasMaxLength(20);
            // One row per household and digest, whichever member turns it on first.
            e.HasIndex(s => new { s.HouseholdId, s.Digest }).IsUnique();
        });
        b.Entity<ReportDelivery>(e =>
        {
            e.ToTable("deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Trigger).HasMaxLength(10);
            e.Property(d => d.Status).HasMaxLength(10);
            e.Property(d => d.LastAnswer).HasMaxLength(1000);
            // The claim: one run per schedule and due time, whichever replica inserts it first.
            e.HasIndex(d => new { d.ScheduleId, d.DueAt }).IsUnique();
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => new { d.HouseholdId, d.CreatedAt });
        });
        b.Entity<ReportMember>(e =>
        {
            e.ToTable("members");
            e.HasKey(m => new { m.HouseholdId, m.UserId });
            e.Property(m => m.Role).HasMaxLength(20);
        });
        b.Entity<ReportUser>(e =>
        {
            e.ToTable("users");
            e.HasKey(u => u.UserId);
            e.Property(u => u.Email).HasMaxLength(320);
            e.Property(u => u.DisplayName).HasMaxLength(200);
        });
        b.Entity<ReportGuest>(e =>
        {
            e.ToTable("guests");
            e.HasKey(g => g.Id);
            e.Property(g => g.Email).HasMaxLength(320);
            e.HasIndex(g => new { g.ScheduleId, g.Email }).IsUnique();
            e.HasIndex(g => g.HouseholdId);
        });
        b.ApplyModuleConventions(this, Module);
    }
}
