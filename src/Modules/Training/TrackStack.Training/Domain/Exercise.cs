namespace TrackStack.Training.Domain;

/// <summary>An exercise a household added to the built-in library (or an import created for a name the library
/// does not know). Shared by the household's members. The id may be the client's.</summary>
internal sealed class Exercise : IClientIdentified
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Name { get; set; } = "";
    /// <summary><see cref="ExerciseNames.Key"/> of the name: unique per household, what imports match on.</summary>
    public string NameKey { get; set; } = "";
    public string Equipment { get; set; } = "";
    public ExerciseType Type { get; set; }
    /// <summary>Comma-separated muscle words.</summary>
    public string PrimaryMuscles { get; set; } = "";
    public string SecondaryMuscles { get; set; } = "";
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
