using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.Identity.Domain;
using TrackStack.Identity.Infrastructure;

namespace TrackStack.UnitTests;

public sealed class PasswordHashingTests
{
    private static Argon2idPasswordHasher Hasher(int iterations, int memoryKiB) =>
        new(Options.Create(new TrackStackOptions { Auth = new AuthOptions { PasswordHashIterations = iterations, PasswordHashMemoryKiB = memoryKiB } }));

    [Fact]
    public void Hashes_are_argon2id_phc_strings_with_the_configured_cost_and_a_random_salt()
    {
        var hasher = Hasher(2, 8192);
        var a = hasher.HashPassword(new User(), "correct horse battery staple");
        var b = hasher.HashPassword(new User(), "correct horse battery staple");
        Assert.StartsWith("$argon2id$v=19$m=8192,t=2,p=1$", a);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Verification_accepts_the_password_and_rejects_others()
    {
        var hasher = Hasher(1, 8192);
        var hash = hasher.HashPassword(new User(), "correct horse battery staple");
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new User(), hash, "correct horse battery staple"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new User(), hash, "Correct horse battery staple"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new User(), "AQAAAAIAAYagAAAAE-identity-v3-hash", "x"));
    }

    [Fact]
    public void A_hash_made_with_older_parameters_asks_for_a_rehash()
    {
        var old = Hasher(1, 8192).HashPassword(new User(), "correct horse battery staple");
        var current = Hasher(2, 16384);
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, current.VerifyHashedPassword(new User(), old, "correct horse battery staple"));
        var fresh = current.HashPassword(new User(), "correct horse battery staple");
        Assert.Equal(PasswordVerificationResult.Success, current.VerifyHashedPassword(new User(), fresh, "correct horse battery staple"));
    }

    [Fact]
    public void The_production_default_cost_is_at_least_the_owasp_minimum()
    {
        var defaults = new AuthOptions();
        Assert.True(defaults.PasswordHashMemoryKiB >= 19 * 1024 && defaults.PasswordHashIterations >= 2);
        var hash = Hasher(defaults.PasswordHashIterations, defaults.PasswordHashMemoryKiB).HashPassword(new User(), "correct horse battery staple");
        Assert.StartsWith($"$argon2id$v=19$m={defaults.PasswordHashMemoryKiB},t={defaults.PasswordHashIterations},p=1$", hash);
    }
}
