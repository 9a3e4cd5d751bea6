using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.BuildingBlocks.Email;

public static class EmailSetup
{
    /// <summary>SMTP through MailKit when <c>Smtp:Host</c> is set; otherwise messages (with their links) go to the log.</summary>
    public static IServiceCollection AddTrackStackEmail(this IServiceCollection services) =>
        services.AddSingleton<IEmailSender>(sp =>
            sp.GetRequiredService<IOptions<TrackStackOptions>>().Value.Smtp.IsConfigured
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
                : ActivatorUtilities.CreateInstance<LogEmailSender>(sp));
}
