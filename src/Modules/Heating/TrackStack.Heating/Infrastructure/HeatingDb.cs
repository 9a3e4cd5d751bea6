namespace TrackStack.Heating.Infrastructure;

/// <summary>Every heating table belongs to one household: the household filter scopes each query to the household
/// the request acts for, so no query names the household itself.</summary>
internal sealed class HeatingDb(DbContextOptions<HeatingDb> options, HouseholdScope scope) : HouseholdDbContext(options, scope)
{
    public const string Module = "heating";

    public DbSet<HeatingSettings> Settings => Set<HeatingSettings>();
    public DbSet<Refill> Refills => Set<Refill>();
    public DbSet<FuelPurchase> Purchases => Set<FuelPurchase>();
    public DbSet<DailyTemperature> Temperatures => Set<DailyTemperature>();
    public DbSet<FigureCounter> FigureCounters => Set<FigureCounter>();

    /// <summary>A save that changes what the day figures are made of also publishes them (DayFigureEvents), in its
    /// transaction: the caller's, or one opened here.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (DayFigureEvents.Collect(this) is not { } pending) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var version = await DayFigureEvents.NextVersionAsync(this, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await DayFigureEvents.PublishAsync(this, pending, version, cancellationToken);
            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<HeatingSettings>(e =>
        {
            e.ToTable("settings");
            e.HasKey(s => s.HouseholdId);
            e.Property(s => s.Fuel).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Unit).HasConversion<string>().HasMaxLength(10);
            e.Property(s => s.BaseMode).HasConversion<string>().HasMaxLength(10);
            e.Ignore(s => s.Profile);
            e.Ignore(s => s.SeasonStart);
        });
        b.Entity<Refill>(e =>
        {
            e.ToTable("refills");
            e.HasKey(r => r.Id);
            e.Property(r => r.Note).HasMaxLength(500);
            e.HasIndex(r => new { r.HouseholdId, r.Date });
        });
        b.Entity<FuelPurchase>(e =>
        {
            e.ToTable("purchases");
            e.HasKey(p => p.Id);
            e.Property(p => p.Unit).HasConversion<string>().HasMaxLength(10);
            e.Property(p => p.Supplier).HasMaxLength(100);
            e.Property(p => p.Note).HasMaxLength(500);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.HouseholdId, p.Date });
        });
        b.Entity<DailyTemperature>(e =>
        {
            e.ToTable("temperatures");
            // The key is the unique (household_id, date) index every range query uses.
            e.HasKey(t => new { t.HouseholdId, t.Date });
            e.Property(t => t.Source).HasConversion<string>().HasMaxLength(20);
        });
        b.Entity<FigureCounter>(e =>
        {
            e.ToTable("figure_counters");
            e.HasKey(c => c.HouseholdId);
        });
        b.ApplyModuleConventions(this, Module);
    }
}
