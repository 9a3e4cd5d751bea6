using Microsoft.AspNetCore.DataProtection;

namespace TrackStack.Metrics;

/// <summary>Webhook secrets at rest: protected with ASP.NET Core Data Protection (keys under the data dir's
/// keys/data-protection), because the evaluator needs the secret itself to sign. Never logged.</summary>
internal sealed class AlertSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("TrackStack.Metrics.AlertWebhookSecret.v1");

    public (string Secret, string Protected) Create()
    {
        var secret = WebhookSignature.CreateSecret();
        return (secret, _protector.Protect(secret));
    }

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
