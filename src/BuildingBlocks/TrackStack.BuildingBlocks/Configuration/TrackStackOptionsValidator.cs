using Microsoft.Extensions.Options;

namespace TrackStack.BuildingBlocks.Configuration;

/// <summary>Checks settings at start-up so a wrong value stops the process with a message that names it.</summary>
internal sealed class TrackStackOptionsValidator : IValidateOptions<TrackStackOptions>
{
    /// <summary>The Argon2id memory limit is passed to libsodium in bytes as a 32-bit integer.</summary>
    private const int MaxPasswordHashMemoryKiB = int.MaxValue / 1024;

    public ValidateOptionsResult Validate(string? name, TrackStackOptions o)
    {
        var errors = new List<string>();
        void Require(bool ok, string setting, string message)
        {
            if (!ok) errors.Add($"TrackStack__{setting}: {message}");
        }

        Require(!string.IsNullOrWhiteSpace(o.DataDir), "DataDir", "must be a folder path.");
        Require(Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var baseUrl) && (baseUrl.Scheme == "http" || baseUrl.Scheme == "https"),
            "PublicBaseUrl", $"'{o.PublicBaseUrl}' is not an absolute http(s) URL, e.g. https://track.example.org.");

        foreach (var proxy in ForwardedHeadersSetup.Split(o.TrustedProxies))
        {
            Require(ForwardedHeadersSetup.TryParse(proxy, out _, out _), "TrustedProxies", $"'{proxy}' is neither an IP address nor a CIDR network such as 172.18.0.0/16.");
        }

        var provider = DatabaseProviders.TryParse(o.Database.Provider);
        Require(provider is not null, "Database__Provider", $"'{o.Database.Provider}' is not supported; use Sqlite or Postgres.");
        if (provider == DatabaseProvider.Postgres)
        {
            Require(!string.IsNullOrWhiteSpace(o.Database.ConnectionString) || o.Database.ModuleConnectionStrings.Count > 0,
                "Database__ConnectionString", "is required when the provider is Postgres, e.g. Host=127.0.0.1;Port=5432;Database=trackstack;Username=trackstack;Password=...");
        }

        if (!string.IsNullOrWhiteSpace(o.Auth.SigningKey))
        {
            byte[]? key = null;
            try { key = Convert.FromBase64String(o.Auth.SigningKey); } catch (FormatException) { }
            Require(key is { Length: >= 32 }, "Auth__SigningKey", "must be base64 of at least 32 random bytes (openssl rand -base64 48).");
        }
        Require(o.Auth.AccessTokenMinutes is >= 1 and <= 60, "Auth__AccessTokenMinutes", "must be between 1 and 60.");
        Require(o.Auth.RefreshTokenDays is >= 1 and <= 365, "Auth__RefreshTokenDays", "must be between 1 and 365.");
        Require(o.Auth.MaxFailedLogins is >= 1 and <= 100, "Auth__MaxFailedLogins", "must be between 1 and 100.");
        Require(o.Auth.LockoutMinutes is >= 1 and <= 1440, "Auth__LockoutMinutes", "must be between 1 and 1440.");
        Require(o.Auth.PasswordHashIterations is >= 1 and <= 10, "Auth__PasswordHashIterations", "must be between 1 and 10.");
        Require(o.Auth.PasswordHashMemoryKiB is >= 8 and <= MaxPasswordHashMemoryKiB, "Auth__PasswordHashMemoryKiB", $"must be between 8 and {MaxPasswordHashMemoryKiB} (KiB, under 2 GiB).");
        Require(o.Auth.EmailTokenHours is >= 1 and <= 720, "Auth__EmailTokenHours", "must be between 1 and 720.");
        Require(o.Auth.PasswordResetTokenMinutes is >= 5 and <= 1440, "Auth__PasswordResetTokenMinutes", "must be between 5 and 1440.");
        Require(o.Auth.InviteDays is >= 1 and <= 90, "Auth__InviteDays", "must be between 1 and 90.");

        Require(o.Monitoring.MetricsPort is >= 0 and < 65536, "Monitoring__MetricsPort", "must be a TCP port, or 0 to serve no management port.");
        Require(System.Net.IPAddress.TryParse(o.Monitoring.MetricsAddress, out _), "Monitoring__MetricsAddress", $"'{o.Monitoring.MetricsAddress}' is not an IP address (127.0.0.1, or 0.0.0.0 for every interface).");
        Require(o.Monitoring.MetricsToken is null || o.Monitoring.MetricsToken.Length >= 16, "Monitoring__MetricsToken", "must be at least 16 characters (openssl rand -hex 24).");

        if (o.Smtp.IsConfigured)
        {
            Require(o.Smtp.Port is > 0 and < 65536, "Smtp__Port", "must be a TCP port (usually 587).");
            Require(TryParseAddress(o.Smtp.From), "Smtp__From", $"'{o.Smtp.From}' is not an e-mail address such as 'TrackStack <no-reply@example.org>'.");
            Require(string.IsNullOrEmpty(o.Smtp.Username) == string.IsNullOrEmpty(o.Smtp.Password), "Smtp__Password", "set both Smtp__Username and Smtp__Password, or neither.");
            if (SmtpOptions.NormalizeThumbprint(o.Smtp.CertificateThumbprint) is { } pin)
            {
                Require(pin.Length == 64 && pin.All(char.IsAsciiHexDigit), "Smtp__CertificateThumbprint",
                    "must be the SHA-256 fingerprint of the certificate: 64 hex digits (openssl x509 -noout -fingerprint -sha256).");
                Require(o.Smtp.StartTls, "Smtp__CertificateThumbprint", "only applies with Smtp__StartTls=true.");
            }
        }

        CheckOAuth(o.OAuth.GitHub, "GitHub", errors);
        CheckOAuth(o.OAuth.Google, "Google", errors);

        Require(o.Messaging.Transport.Equals("InProcess", StringComparison.OrdinalIgnoreCase) || o.Messaging.UsesRabbitMq, "Messaging__Transport", $"'{o.Messaging.Transport}' is not supported; use InProcess or RabbitMq.");
        if (o.Messaging.UsesRabbitMq)
        {
            var uri = o.Messaging.RabbitMq.ConnectionString;
            Require(Uri.TryCreate(uri, UriKind.Absolute, out var amqp) && (amqp.Scheme == "amqp" || amqp.Scheme == "amqps"), "Messaging__RabbitMq__ConnectionString",
                "must be an AMQP URI such as amqp://user:password@rabbitmq:5672/ when Messaging__Transport is RabbitMq.");
            Require(!string.IsNullOrWhiteSpace(o.Messaging.RabbitMq.Exchange) && o.Messaging.RabbitMq.Exchange.Length <= 200, "Messaging__RabbitMq__Exchange", "must be a name of 1 to 200 characters.");
            Require(o.Messaging.RabbitMq.Prefetch is >= 1 and <= 1000, "Messaging__RabbitMq__Prefetch", "must be between 1 and 1000.");
        }
        Require(o.Messaging.PollMilliseconds is >= 10 and <= 60000, "Messaging__PollMilliseconds", "must be between 10 and 60000.");
        Require(o.Messaging.RetentionDays is >= 1 and <= 3650, "Messaging__RetentionDays", "must be between 1 and 3650.");
        Require(o.Messaging.LeaseSeconds is >= 5 and <= 3600, "Messaging__LeaseSeconds", "must be between 5 and 3600.");
        Require(o.Messaging.MaxAttempts is >= 1 and <= 100, "Messaging__MaxAttempts", "must be between 1 and 100.");
        Require(o.Messaging.RetryBaseMilliseconds is >= 1 and <= 600000, "Messaging__RetryBaseMilliseconds", "must be between 1 and 600000.");
        Require(o.RateLimits.AuthPerMinute is >= 1 and <= 10000, "RateLimits__AuthPerMinute", "must be between 1 and 10000.");
        if (!string.IsNullOrWhiteSpace(o.Services.HouseholdsUrl))
        {
            Require(Uri.TryCreate(o.Services.HouseholdsUrl, UriKind.Absolute, out _), "Services__HouseholdsUrl", "must be an absolute URL.");
        }
        if (!string.IsNullOrWhiteSpace(o.Services.IdentityUrl))
        {
            Require(Uri.TryCreate(o.Services.IdentityUrl, UriKind.Absolute, out var identity) && (identity.Scheme == "http" || identity.Scheme == "https"),
                "Services__IdentityUrl", "must be an absolute http(s) URL, e.g. http://identity:8080.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckOAuth(OAuthProviderOptions p, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(p.ClientId) != string.IsNullOrWhiteSpace(p.ClientSecret))
        {
            errors.Add($"TrackStack__OAuth__{name}__ClientSecret: set both ClientId and ClientSecret to enable {name} sign-in, or neither.");
        }
        foreach (var (value, setting) in new[] { (p.AuthorizationEndpoint, "AuthorizationEndpoint"), (p.TokenEndpoint, "TokenEndpoint"), (p.UserInformationEndpoint, "UserInformationEndpoint"), (p.EmailsEndpoint, "EmailsEndpoint") })
        {
            if (!string.IsNullOrWhiteSpace(value) && !Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                errors.Add($"TrackStack__OAuth__{name}__{setting}: '{value}' is not an absolute URL.");
            }
        }
    }

    /// <summary>A full address (System.Net.Mail insists on local part and domain) that the SMTP sender (MimeKit) parses too.</summary>
    private static bool TryParseAddress(string value) =>
        System.Net.Mail.MailAddress.TryCreate(value, out _) && MimeKit.MailboxAddress.TryParse(value, out _);
}
