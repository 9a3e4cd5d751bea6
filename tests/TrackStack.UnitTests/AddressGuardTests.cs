using System.Net;
using TrackStack.BuildingBlocks.Http;

namespace TrackStack.UnitTests;

/// <summary>Which addresses a fetch or webhook for a user may reach: the server's own networks are refused in every
/// spelling, including IPv4 addresses carried inside IPv6.</summary>
public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("64:ff9b::5db8:d70e")] // NAT64 of 93.184.215.14
    [InlineData("2002:5db8:d70e::1")] // 6to4 of 93.184.215.14
    public void Public_addresses_are_allowed(string address) => Assert.True(AddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("64:ff9b::7f00:1")] // NAT64 of 127.0.0.1
    [InlineData("64:ff9b:1::a00:1")] // local-use NAT64
    [InlineData("2002:c0a8:0101::1")] // 6to4 of 192.168.1.1
    [InlineData("::7f00:1")] // IPv4-compatible 127.0.0.1
    [InlineData("100::1")]
    [InlineData("2001:db8::1")]
    public void The_servers_own_networks_are_refused(string address) => Assert.False(AddressGuard.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void The_handler_uses_no_proxy_follows_no_redirect_and_connects_through_the_guard()
    {
        using var handler = AddressGuard.Handler(allowPrivate: false, TimeSpan.FromSeconds(3));
        Assert.False(handler.UseProxy);
        Assert.False(handler.AllowAutoRedirect);
        Assert.NotNull(handler.ConnectCallback);
        Assert.Equal(TimeSpan.FromSeconds(3), handler.ConnectTimeout);
    }
}
