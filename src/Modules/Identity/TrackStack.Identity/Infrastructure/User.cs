using Microsoft.AspNetCore.Identity;

namespace TrackStack.Identity.Infrastructure;

internal sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastLoginAt { get; set; }
}
