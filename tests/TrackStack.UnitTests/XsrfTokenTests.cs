using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Auth;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.UnitTests;

public sealed class XsrfTokenTests
{
    private static XsrfToken Create(string key) =>
        new(new SigningKeys(Options.Create(new TrackStackOptions { Auth = new AuthOptions { SigningKey = key } }), NullLogger<SigningKeys>.Instance));

    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(1, 48).Select(i => (byte)i).ToArray());

    [Fact]
    public void A_token_is_valid_only_for_its_session_and_key()
    {
        var xsrf = Create(KeyA);
        var token = xsrf.For("session-1");
        Assert.True(xsrf.IsValid("session-1", token));
        Assert.False(xsrf.IsValid("session-2", token));
        Assert.False(Create(KeyB).IsValid("session-1", token));
        Assert.False(xsrf.IsValid("session-1", null));
        Assert.False(xsrf.IsValid("session-1", token[..^1]));
    }

    [Fact]
    public void Tokens_are_stable_across_instances_sharing_a_key() =>
        Assert.Equal(Create(KeyA).For("s"), Create(KeyA).For("s"));
}
