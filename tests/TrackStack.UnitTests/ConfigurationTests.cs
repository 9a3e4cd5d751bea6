using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.UnitTests;

public sealed class ConfigurationTests
{
    private static List<string> Errors(TrackStackOptions o) =>
        new TrackStackOptionsValidator().Validate(null, o).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Errors(new TrackStackOptions()));

    [Fact]
    public void Postgres_needs_a_connection_string()
    {
        var errors = Errors(new TrackStackOptions { Database = new DatabaseOptions { Provider = "Postgres" } });
        Assert.Contains(errors, e => e.StartsWith("TrackStack__Database__ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void Half_configured_smtp_and_oauth_are_reported()
    {
        var errors = Errors(new TrackStackOptions
        {
            Smtp = new SmtpOptions { Host = "mail.example.org", Username = "me", From = "broken" },
            OAuth = new OAuthOptions { GitHub = new OAuthProviderOptions { ClientId = "id" } },
        });
        Assert.Contains(errors, e => e.StartsWith("TrackStack__Smtp__From", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("TrackStack__Smtp__Password", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("TrackStack__OAuth__GitHub__ClientSecret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", DatabaseProvider.Postgres)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("mysql", null)]
    public void Provider_names_are_forgiving_but_strict(string name, DatabaseProvider? expected) =>
        Assert.Equal(expected, DatabaseProviders.TryParse(name));

    [Theory]
    [InlineData("PasswordHash", "password_hash")]
    [InlineData("PK_users", "pk_users")]
    [InlineData("NormalizedEmail", "normalized_email")]
    [InlineData("IpPrefix", "ip_prefix")]
    public void Column_names_become_snake_case(string name, string expected) =>
        Assert.Equal(expected, ModelConventions.ToSnakeCase(name));

    [Fact]
    public void Module_selection_rejects_unknown_names()
    {
        Assert.Equal(TrackStack.Host.ModuleCatalog.All.Count, TrackStack.Host.ModuleCatalog.Select(null).Count);
        Assert.Single(TrackStack.Host.ModuleCatalog.Select("heating"));
        Assert.Single(TrackStack.Host.ModuleCatalog.Select("households"));
        Assert.Throws<ArgumentException>(() => TrackStack.Host.ModuleCatalog.Select("households,nope"));
    }
}
