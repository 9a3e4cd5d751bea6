namespace TrackStack.Identity.Domain;

/// <summary>An account. ASP.NET Core Identity's user store maps it; TrackStack adds the display name and dates.</summary>

internal sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastLoginAt { get; set; }
}
