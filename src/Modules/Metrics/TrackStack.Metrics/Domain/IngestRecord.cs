namespace TrackStack.Metrics.Domain;

/// <summary>A JSON batch sent with an Idempotency-Key: a retry with the same key gets the stored answer and
/// writes nothing.</summary>
internal sealed class IngestRecord : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }
    public Guid ProductId { get; set; }
    public string IdempotencyKey { get; set; } = "";
    /// <summary>The JSON of the 202 answer.</summary>
    public string Answer { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
