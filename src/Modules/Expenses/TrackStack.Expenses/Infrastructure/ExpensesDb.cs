namespace TrackStack.Expenses.Infrastructure;

internal sealed class ExpensesDb(DbContextOptions<ExpensesDb> options, HouseholdScope scope) : HouseholdDbContext(options, scope)
{
    public const string Module = "expenses";

    public DbSet<ExpenseSettings> Settings => Set<ExpenseSettings>();
    public DbSet<Tank> Tanks => Set<Tank>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<EntryPart> EntryParts => Set<EntryPart>();
    public DbSet<MonthSheet> Months => Set<MonthSheet>();
    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();
    public DbSet<Obligation> Obligations => Set<Obligation>();
    public DbSet<RecurringTemplate> RecurringTemplates => Set<RecurringTemplate>();
    public DbSet<CategoryRule> Rules => Set<CategoryRule>();
    public DbSet<StatementImport> Imports => Set<StatementImport>();
    public DbSet<FuelPurchaseLink> FuelPurchases => Set<FuelPurchaseLink>();
    public DbSet<CsvLayoutMemory> CsvLayouts => Set<CsvLayoutMemory>();

    /// <summary>Entries ids whose category or tank changed by a set-based update: their events go with this save.</summary>
    public HashSet<Guid> EntriesToRepublish { get; } = [];

    /// <summary>Every save publishes the entry events of the entries it adds, changes or deletes (EntryEvents).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await EntryEvents.PublishTrackedAsync(this, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // Entries changed by set-based updates are described as stored after the save, and their events saved then.
        if (await EntryEvents.PublishRepublishedAsync(this, cancellationToken)) saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<ExpenseSettings>(e => { e.ToTable("settings"); e.HasKey(x => x.HouseholdId); });
        b.Entity<Tank>(e =>
        {
            e.ToTable("tanks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(40).IsRequired();
            e.Property(x => x.Name).HasMaxLength(60).IsRequired();
            e.Property(x => x.RatioPercent).HasPrecision(5, 2);
            e.HasIndex(x => new { x.HouseholdId, x.Key }).IsUnique();
        });
        b.Entity<Category>(e =>
        {
            e.ToTable("categories");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(60).IsRequired();
            e.HasIndex(x => new { x.HouseholdId, x.Name }).IsUnique();
            e.HasOne<Tank>().WithMany().HasForeignKey(x => x.TankId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Entry>(e =>
        {
            e.ToTable("entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Title).HasMaxLength(200).IsRequired();
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.Tags).HasMaxLength(500).IsRequired();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.OriginalCurrency).HasMaxLength(3);
            e.Property(x => x.BankTransactionId).HasMaxLength(100);
            e.Property(x => x.DedupKey).HasMaxLength(120);
            e.Property(x => x.SourceRef).HasMaxLength(120);
            // Covering index: month sums read household, date, category and amount without touching the table.
            e.HasIndex(x => new { x.HouseholdId, x.Date, x.CategoryId, x.AmountCents });
            e.HasIndex(x => new { x.HouseholdId, x.CategoryId });
            e.HasIndex(x => new { x.HouseholdId, x.BankTransactionId }).IsUnique().HasFilter("bank_transaction_id IS NOT NULL");
            e.HasIndex(x => new { x.HouseholdId, x.DedupKey }).IsUnique().HasFilter("dedup_key IS NOT NULL");
            e.HasIndex(x => new { x.HouseholdId, x.SourceRef }).IsUnique().HasFilter("source_ref IS NOT NULL");
            e.HasIndex(x => new { x.HouseholdId, x.LinkedImportId }).HasFilter("linked_import_id IS NOT NULL");
            e.HasMany(x => x.Parts).WithOne().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<EntryPart>(e =>
        {
            e.ToTable("entry_parts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.HouseholdId, x.CategoryId });
        });
        b.Entity<MonthSheet>(e =>
        {
            e.ToTable("months");
            e.HasKey(x => new { x.HouseholdId, x.Month });
            // Two income changes at once: one 409, not two events with one version.
            e.Property(x => x.IncomeVersion).IsConcurrencyToken();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(8);
        });
        b.Entity<ChecklistTemplate>(e =>
        {
            e.ToTable("checklist_templates");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(200).IsRequired();
            e.HasIndex(x => x.HouseholdId);
        });
        b.Entity<Obligation>(e =>
        {
            e.ToTable("obligations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(200).IsRequired();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(8);
            e.HasIndex(x => new { x.HouseholdId, x.Month, x.TemplateId }).IsUnique();
        });
        b.Entity<RecurringTemplate>(e =>
        {
            e.ToTable("recurring_templates");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(200).IsRequired();
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.Tags).HasMaxLength(500).IsRequired();
            e.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(8);
            e.HasIndex(x => new { x.Active, x.NextDue });
            e.HasIndex(x => x.HouseholdId);
        });
        b.Entity<CategoryRule>(e =>
        {
            e.ToTable("rules");
            e.HasKey(x => x.Id);
            e.Property(x => x.Field).HasConversion<string>().HasMaxLength(8);
            e.Property(x => x.Match).HasConversion<string>().HasMaxLength(8);
            e.Property(x => x.Pattern).HasMaxLength(200).IsRequired();
            e.HasIndex(x => x.HouseholdId);
        });
        b.Entity<StatementImport>(e =>
        {
            e.ToTable("imports");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(200).IsRequired();
            e.Property(x => x.Format).HasMaxLength(20).IsRequired();
            e.HasIndex(x => x.HouseholdId);
        });
        b.Entity<CsvLayoutMemory>(e =>
        {
            e.ToTable("csv_layouts");
            e.HasKey(x => x.Id);
            e.Property(x => x.HeaderHash).HasMaxLength(64).IsRequired();
            e.Property(x => x.Header).HasMaxLength(2000).IsRequired();
            e.Property(x => x.Options).HasMaxLength(2000).IsRequired();
            e.HasIndex(x => new { x.HouseholdId, x.HeaderHash }).IsUnique();
        });
        b.Entity<FuelPurchaseLink>(e =>
        {
            e.ToTable("fuel_purchase_links");
            e.HasKey(x => x.PurchaseId);
            e.Property(x => x.PurchaseId).ValueGeneratedNever();
        });
        b.ApplyModuleConventions(this, Module);
    }
}
