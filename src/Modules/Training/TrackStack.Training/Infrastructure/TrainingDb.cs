namespace TrackStack.Training.Infrastructure;

/// <summary>Every training table belongs to one household (the household filter scopes each query); workouts,
/// sets and settings also carry the member, and <see cref="MemberLogs"/> decides whose the request may read.</summary>
internal sealed class TrainingDb(DbContextOptions<TrainingDb> options, HouseholdScope scope) : HouseholdDbContext(options, scope)
{
    public const string Module = "training";

    public DbSet<Exercise> Exercises => Set<Exercise>();
    public DbSet<Workout> Workouts => Set<Workout>();
    public DbSet<WorkoutSet> Sets => Set<WorkoutSet>();
    public DbSet<MemberSettings> MemberSettings => Set<MemberSettings>();
    public DbSet<Routine> Routines => Set<Routine>();
    public DbSet<BodyWeightEntry> BodyWeights => Set<BodyWeightEntry>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Exercise>(e =>
        {
            e.ToTable("exercises");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.NameKey).HasMaxLength(100);
            e.Property(x => x.Equipment).HasMaxLength(50);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.PrimaryMuscles).HasMaxLength(200);
            e.Property(x => x.SecondaryMuscles).HasMaxLength(200);
            e.HasIndex(x => new { x.HouseholdId, x.NameKey }).IsUnique();
        });
        b.Entity<Workout>(e =>
        {
            e.ToTable("workouts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.Property(x => x.Source).HasMaxLength(10);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.HouseholdId, x.UserId, x.StartedAt });
            // An imported workout once per member, start and name: two concurrent imports of one file cannot both add it.
            e.HasIndex(x => new { x.HouseholdId, x.UserId, x.StartedAt, x.Name }).IsUnique().HasFilter("source <> 'app'");
            e.HasMany(x => x.Sets).WithOne().HasForeignKey(s => s.WorkoutId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkoutSet>(e =>
        {
            e.ToTable("sets");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Notes).HasMaxLength(1000);
            e.HasIndex(x => new { x.HouseholdId, x.UserId, x.ExerciseId, x.StartedAt });
        });
        b.Entity<MemberSettings>(e =>
        {
            e.ToTable("member_settings");
            e.HasKey(x => new { x.HouseholdId, x.UserId });
            e.Property(x => x.Unit).HasConversion<string>().HasMaxLength(5);
            e.Property(x => x.Formula).HasConversion<string>().HasMaxLength(10);
        });
        b.Entity<Routine>(e =>
        {
            e.ToTable("routines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Days).HasMaxLength(20000);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<BodyWeightEntry>(e =>
        {
            e.ToTable("body_weights");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.HouseholdId, x.UserId, x.Date });
        });
        b.ApplyModuleConventions(this, Module);
    }
}
