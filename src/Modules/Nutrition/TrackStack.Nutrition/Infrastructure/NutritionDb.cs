namespace TrackStack.Nutrition.Infrastructure;

/// <summary>Household foods, recipes, diaries and targets are household-owned (the filter scopes every query);
/// the built-in and the imported FoodData Central foods are shared by all households and have no household column.
/// The full-text indexes over their names are the migrations': FTS5 tables on SQLite, and on PostgreSQL the GIN
/// indexes over to_tsvector('simple', name) declared here so the model and the migrations agree.</summary>
internal sealed class NutritionDb(DbContextOptions<NutritionDb> options, HouseholdScope scope) : HouseholdDbContext(options, scope)
{
    public const string Module = "nutrition";

    public DbSet<BuiltInFood> BuiltInFoods => Set<BuiltInFood>();
    public DbSet<BuiltInFoodSet> BuiltInFoodSets => Set<BuiltInFoodSet>();
    public DbSet<ImportedFood> ImportedFoods => Set<ImportedFood>();
    public DbSet<HouseholdFood> Foods => Set<HouseholdFood>();
    public DbSet<Recipe> Recipes => Set<Recipe>();
    public DbSet<RecipeIngredient> Ingredients => Set<RecipeIngredient>();
    public DbSet<DiaryEntry> Diary => Set<DiaryEntry>();
    public DbSet<MemberTargets> Targets => Set<MemberTargets>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<BuiltInFood>(e =>
        {
            e.ToTable("builtin_foods");
            e.HasKey(f => f.Code);
            e.Property(f => f.Code).HasMaxLength(8);
            e.Property(f => f.Name).HasMaxLength(200);
            e.Property(f => f.FoodGroup).HasMaxLength(4);
            e.HasIndex(f => f.Name).HasMethod("GIN").IsTsVectorExpressionIndex("simple");
        });
        b.Entity<BuiltInFoodSet>(e =>
        {
            e.ToTable("builtin_food_sets");
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(20);
        });
        b.Entity<ImportedFood>(e =>
        {
            e.ToTable("imported_foods");
            e.HasKey(f => f.FdcId);
            e.Property(f => f.FdcId).ValueGeneratedNever();
            e.Property(f => f.Name).HasMaxLength(300);
            e.Property(f => f.DataType).HasMaxLength(40);
            e.HasIndex(f => f.Name).HasMethod("GIN").IsTsVectorExpressionIndex("simple");
        });
        b.Entity<HouseholdFood>(e =>
        {
            e.ToTable("foods");
            e.HasKey(f => f.Id);
            e.Property(f => f.Name).HasMaxLength(200);
            e.Property(f => f.Brand).HasMaxLength(100);
            e.Property(f => f.Barcode).HasMaxLength(20);
            e.Property(f => f.Attribution).HasMaxLength(300);
            e.HasIndex(f => new { f.HouseholdId, f.Barcode });
            e.Property(f => f.Version).IsConcurrencyToken();
            e.HasIndex(f => new { f.HouseholdId, f.Name });
        });
        b.Entity<Recipe>(e =>
        {
            e.ToTable("recipes");
            e.HasKey(r => r.Id);
            e.Property(r => r.Title).HasMaxLength(200);
            e.Property(r => r.Description).HasMaxLength(4000);
            e.Property(r => r.SourceUrl).HasMaxLength(2000);
            e.Property(r => r.PhotoVersion).HasMaxLength(32);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.HouseholdId, r.Title });
        });
        b.Entity<RecipeIngredient>(e =>
        {
            e.ToTable("recipe_ingredients");
            e.HasKey(i => i.Id);
            e.Property(i => i.Text).HasMaxLength(500);
            e.Property(i => i.FoodId).HasMaxLength(60);
            e.HasOne<Recipe>().WithMany().HasForeignKey(i => i.RecipeId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => new { i.RecipeId, i.Position });
        });
        b.Entity<DiaryEntry>(e =>
        {
            e.ToTable("diary_entries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Meal).HasMaxLength(40);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.FoodId).HasMaxLength(60);
            e.Property(d => d.Label).HasMaxLength(200);
            e.Property(d => d.Unit).HasMaxLength(100);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Ignore(d => d.Nutrients);
            e.HasIndex(d => new { d.HouseholdId, d.UserId, d.Date });
        });
        b.Entity<MemberTargets>(e =>
        {
            e.ToTable("targets");
            e.HasKey(t => new { t.HouseholdId, t.UserId });
            e.Property(t => t.Weekdays).HasMaxLength(2000);
            e.Ignore(t => t.WeekdayTargets);
        });
        b.ApplyModuleConventions(this, Module);
    }
}
