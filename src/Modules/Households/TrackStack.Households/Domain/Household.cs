namespace TrackStack.Households.Domain;

internal sealed class Household
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public string Currency { get; set; } = "EUR";
    public string Locale { get; set; } = "en-GB";
    public bool IsPersonal { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }

    /// <summary>1 when created, +1 per settings change; sent with the household's events so consumers keep them in order.</summary>
    public long Version { get; set; }
}
