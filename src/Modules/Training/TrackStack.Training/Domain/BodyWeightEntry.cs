namespace TrackStack.Training.Domain;

/// <summary>One weighing of one member (kilograms). Private like the workouts; the id may be the client's.</summary>
internal sealed class BodyWeightEntry : IClientIdentified
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid UserId { get; set; }
    public DateOnly Date { get; set; }
    public double WeightKg { get; set; }
    public DateTime CreatedAt { get; set; }
}
