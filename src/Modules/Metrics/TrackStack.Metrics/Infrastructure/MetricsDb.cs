namespace TrackStack.Metrics.Infrastructure;

/// <summary>Products, keys, series, raw points and rollups; every table belongs to one household and the
/// household filter scopes each query. Only the key lookup of an ingest request crosses households.</summary>
internal sealed class MetricsDb(DbContextOptions<MetricsDb> options, HouseholdScope scope) : HouseholdDbContext(options, scope)
{
    public const string Module = "metrics";

    public DbSet<Product> Products => Set<Product>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Series> Series => Set<Series>();
    public DbSet<RawPoint> Points => Set<RawPoint>();
    public DbSet<Rollup> Rollups => Set<Rollup>();
    public DbSet<IngestRecord> IngestRecords => Set<IngestRecord>();
    public DbSet<BuiltInSource> BuiltInSources => Set<BuiltInSource>();
    public DbSet<BuiltInPoint> BuiltInPoints => Set<BuiltInPoint>();
    public DbSet<AlertRule> AlertRules => Set<AlertRule>();
    public DbSet<AlertFiring> AlertFirings => Set<AlertFiring>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Product>(e =>
        {
            e.ToTable("products");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(100);
            e.Property(p => p.Description).HasMaxLength(500);
            e.HasIndex(p => new { p.HouseholdId, p.Name });
        });
        b.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.Prefix).HasMaxLength(20);
            e.Property(k => k.Hash).HasMaxLength(64);
            e.Property(k => k.Scopes).HasMaxLength(50);
            e.Ignore(k => k.ScopeList);
            e.HasIndex(k => k.Hash).IsUnique();
            e.HasIndex(k => new { k.HouseholdId, k.ProductId });
        });
        b.Entity<Series>(e =>
        {
            e.ToTable("series");
            e.HasKey(s => s.Id);
            e.Property(s => s.Metric).HasMaxLength(PointRules.MaxNameLength);
            e.HasIndex(s => new { s.HouseholdId, s.Metric });
        });
        b.Entity<RawPoint>(e =>
        {
            e.ToTable("points");
            e.HasKey(p => p.Id);
            e.Property(p => p.Metric).HasMaxLength(PointRules.MaxNameLength);
            e.HasIndex(p => new { p.SeriesId, p.Time });
            e.HasIndex(p => new { p.HouseholdId, p.ProductId, p.Time });
        });
        b.Entity<Rollup>(e =>
        {
            e.ToTable("rollups");
            e.HasKey(r => new { r.SeriesId, r.Resolution, r.BucketStart });
            e.HasIndex(r => r.HouseholdId);
        });
        b.Entity<IngestRecord>(e =>
        {
            e.ToTable("ingest_records");
            e.HasKey(r => new { r.HouseholdId, r.ProductId, r.IdempotencyKey });
            e.Property(r => r.IdempotencyKey).HasMaxLength(200);
        });
        b.Entity<BuiltInSource>(e =>
        {
            e.ToTable("builtin_sources");
            e.HasKey(x => new { x.HouseholdId, x.SourceKey });
            e.Property(x => x.SourceKey).HasMaxLength(200);
        });
        b.Entity<BuiltInPoint>(e =>
        {
            e.ToTable("builtin_points");
            e.HasKey(x => new { x.HouseholdId, x.SourceKey, x.SeriesId });
            e.Property(x => x.SourceKey).HasMaxLength(200);
            e.HasIndex(x => new { x.SeriesId, x.Time });
        });
        b.Entity<AlertRule>(e =>
        {
            e.ToTable("alert_rules");
            e.HasKey(r => r.Id);
            e.Property(r => r.Name).HasMaxLength(100);
            e.Property(r => r.Metric).HasMaxLength(PointRules.MaxNameLength);
            e.Property(r => r.Aggregation).HasConversion<string>().HasMaxLength(8);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(8);
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(8);
            e.Property(r => r.NotifyUserIds).HasMaxLength(2000);
            e.Property(r => r.WebhookUrl).HasMaxLength(2000);
            e.Property(r => r.ProtectedSecret).HasMaxLength(1000);
            // An edit racing an evaluation: one of them wins, the other is a 409 (an edit) or skips its turn.
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Ignore(r => r.NotifyUserIdList);
            e.HasIndex(r => new { r.HouseholdId, r.Name });
        });
        b.Entity<AlertFiring>(e =>
        {
            e.ToTable("alert_firings");
            e.HasKey(f => f.Id);
            e.Property(f => f.Summary).HasMaxLength(1000);
            e.Property(f => f.ResolveSummary).HasMaxLength(1000);
            e.Property(f => f.FireWebhookError).HasMaxLength(500);
            e.Property(f => f.ResolveWebhookError).HasMaxLength(500);
            e.HasIndex(f => new { f.HouseholdId, f.RuleId, f.FiredAt });
        });
        b.ApplyModuleConventions(this, Module);
    }
}
