namespace TrackStack.BuildingBlocks.Configuration;

/// <summary>Every setting of the platform, bound from the "TrackStack" configuration section
/// (environment variables use a double underscore: TrackStack__Database__Provider).</summary>
public sealed class TrackStackOptions
{
    public const string Section = "TrackStack";

    /// <summary>Folder for SQLite files, signing keys and other local state.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Public address of the app, used in e-mailed links (verification, reset, invites).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:8080";

    /// <summary>Reverse proxies whose X-Forwarded-For/-Proto headers are believed, as IPs or CIDR networks
    /// ("10.0.0.5, 172.18.0.0/16"). Loopback is always trusted. Needed for Secure cookies, per-client rate limits
    /// and correct OAuth callback URLs behind an HTTPS proxy on another host or container.</summary>
    public string? TrustedProxies { get; set; }

    public DatabaseOptions Database { get; set; } = new();
    public AuthOptions Auth { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    public OAuthOptions OAuth { get; set; } = new();
    public MessagingOptions Messaging { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();
    public ServicesOptions Services { get; set; } = new();
    public MonitoringOptions Monitoring { get; set; } = new();
}

/// <summary>Where the Prometheus text of <c>/metrics</c> is served (TrackStack__Monitoring__...).</summary>
public sealed class MonitoringOptions
{
    /// <summary>A management port of its own for <c>/metrics</c>; 0 turns it off. Bound to <see cref="MetricsAddress"/>.</summary>
    public int MetricsPort { get; set; } = 9464;

    /// <summary>The address the management port listens on: loopback unless a scraper on another host needs it.</summary>
    public string MetricsAddress { get; set; } = "127.0.0.1";

    /// <summary>Also serve <c>/metrics</c> on the main port (where the app is public, set <see cref="MetricsToken"/>).</summary>
    public bool MetricsOnMainPort { get; set; }

    /// <summary>When set, <c>/metrics</c> (on either port) needs <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string? MetricsToken { get; set; }

    /// <summary>false runs without OpenTelemetry (no metrics, no spans, no <c>/metrics</c>): the benchmark's baseline
    /// for what the instrumentation costs.</summary>
    public bool Instrumentation { get; set; } = true;
}

public sealed class DatabaseOptions
{
    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>PostgreSQL connection string; ignored for SQLite (files live in the data dir).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Optional per-module connection strings (database per service).</summary>
    public Dictionary<string, string> ModuleConnectionStrings { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class AuthOptions
{
    /// <summary>Base64 key (at least 32 bytes) that signs access tokens. When empty, a key is generated
    /// once and kept in the data dir. Every service of a distributed deployment needs the same key.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 30;
    public int MaxFailedLogins { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Argon2id cost: passes (libsodium's opslimit) and memory in KiB (at most 2097151, under 2 GiB).</summary>
    public int PasswordHashIterations { get; set; } = 3;
    public int PasswordHashMemoryKiB { get; set; } = 65536;

    public int EmailTokenHours { get; set; } = 24;
    public int PasswordResetTokenMinutes { get; set; } = 60;
    public int InviteDays { get; set; } = 7;

    /// <summary>When false, anyone may register; set to false to close sign-up (operators create users with the CLI).</summary>
    public bool AllowRegistration { get; set; } = true;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "TrackStack <no-reply@localhost>";

    /// <summary>Upgrade the connection with STARTTLS before anything else is sent; a server that does not offer it
    /// is refused (required when a username is set on a non-local host).</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>SHA-256 fingerprint (hex, colons allowed) of one server certificate to trust even though it does not
    /// validate, e.g. a self-signed relay on the LAN. Other certificates are validated normally.</summary>
    public string? CertificateThumbprint { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>"AB:cd 01..." → "ABCD01...", or null when empty.</summary>
    public static string? NormalizeThumbprint(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return new string(value.Where(c => c is not (':' or ' ' or '-')).ToArray()).ToUpperInvariant();
    }
}

public sealed class OAuthOptions
{
    public OAuthProviderOptions GitHub { get; set; } = new();
    public OAuthProviderOptions Google { get; set; } = new();
}

public sealed class OAuthProviderOptions
{
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Endpoint overrides, for tests or self-hosted GitHub Enterprise.</summary>
    public string? AuthorizationEndpoint { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? UserInformationEndpoint { get; set; }
    public string? EmailsEndpoint { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

public sealed class MessagingOptions
{
    /// <summary>"InProcess" (default: the monolith) or "RabbitMq" (separate services, ADR 30).</summary>
    public string Transport { get; set; } = "InProcess";

    /// <summary>The broker, when Transport is RabbitMq.</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    public bool UsesRabbitMq => Transport.Equals("RabbitMq", StringComparison.OrdinalIgnoreCase);

    /// <summary>How often the relay looks for work when nothing wakes it.</summary>
    public int PollMilliseconds { get; set; } = 1000;
    public int MaxAttempts { get; set; } = 10;
    public int RetryBaseMilliseconds { get; set; } = 2000;
    public int RetryMaxSeconds { get; set; } = 600;

    /// <summary>Turn the relay off (operators: maintenance; tests: simulate a crash before delivery).</summary>
    public bool RelayEnabled { get; set; } = true;

    /// <summary>How many days delivered outbox rows and handled inbox rows are kept (for operators and late
    /// duplicates) before they are deleted.</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>How long a relay or worker holds the rows it claimed before another replica may take them.</summary>
    public int LeaseSeconds { get; set; } = 60;
}

public sealed class RabbitMqOptions
{
    /// <summary>An AMQP URI, e.g. amqp://trackstack:secret@rabbitmq:5672/ (the vhost is the path).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The durable topic exchange every service publishes to; the module queues and dead-letter exchanges are
    /// named after it.</summary>
    public string Exchange { get; set; } = "trackstack";

    /// <summary>How many unacknowledged messages a module's consumer holds at once.</summary>
    public int Prefetch { get; set; } = 16;
}

public sealed class RateLimitOptions
{
    /// <summary>Requests per minute and client address on register, login and password reset.</summary>
    public int AuthPerMinute { get; set; } = 10;
}

public sealed class ServicesOptions
{
    /// <summary>Base URL of the Households service, used when that module does not run in this process.</summary>
    public string? HouseholdsUrl { get; set; }

    /// <summary>Base URL of the Identity service, asked whether a session is still active when that module does not
    /// run in this process (required then).</summary>
    public string? IdentityUrl { get; set; }
}
