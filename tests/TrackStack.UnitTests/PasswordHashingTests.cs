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

    /// <summary>Made by the previous adapter (LibraryImport of Debian's libsodium.so.23, crypto_pwhash_str_alg) before
    /// the switch to Geralt and the bundled libsodium: stored hashes must keep verifying.</summary>
    [Theory]
    [InlineData("$argon2id$v=19$m=65536,t=3,p=1$0E+B1TL1TnQvtRt1EqwfKw$JJ/10xsLBgC0ICE4Id6HorA+t1FzRkiJB5BoQO6l1HU", "correct horse battery staple", 3, 65536)]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$9jffrKqwfmZmCqrmaysMfg$VwmvdWePeA1HLBRRr6jMWtsfWe242zIimxbqnJo1QR0", "Ünïcödé pässwörd ✓ 🔑", 2, 19456)]
    public void Hashes_stored_by_the_previous_libsodium_adapter_still_verify(string stored, string password, int iterations, int memoryKiB)
    {
        Assert.Equal(PasswordVerificationResult.Success, Hasher(iterations, memoryKiB).VerifyHashedPassword(new User(), stored, password));
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher(iterations + 1, memoryKiB).VerifyHashedPassword(new User(), stored, password));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher(iterations, memoryKiB).VerifyHashedPassword(new User(), stored, password + " "));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$argon2id$garbage")]
    [InlineData("$argon2i$v=19$m=65536,t=3,p=1$0E+B1TL1TnQvtRt1EqwfKw$JJ/10xsLBgC0ICE4Id6HorA+t1FzRkiJB5BoQO6l1HU")]
    [InlineData("$argon2id$v=19$m=65536,t=3,p=1$ü0E+B1TL1TnQvtRt1EqwfKw$JJ/10xsLBgC0ICE4Id6HorA+t1FzRkiJB5BoQO6l1HU")]
    public void A_malformed_stored_hash_fails_verification_instead_of_throwing(string stored) =>
        Assert.Equal(PasswordVerificationResult.Failed, Hasher(1, 8192).VerifyHashedPassword(new User(), stored, "correct horse battery staple"));

    /// <summary>The native libsodium comes from the NuGet package next to the app (runtimes/&lt;rid&gt;/native), not from
    /// an operating-system package such as Debian's libsodium23.</summary>
    [Fact]
    public void Hashing_uses_the_libsodium_shipped_with_the_app()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc/self/maps");
        Hasher(1, 8192).HashPassword(new User(), "load the native library");
        var mapped = File.ReadLines("/proc/self/maps")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 6 && Path.GetFileName(f[5]).StartsWith("libsodium", StringComparison.Ordinal))
            .Select(f => f[5])
            .Distinct()
            .ToList();
        var bundled = Path.Combine(AppContext.BaseDirectory, "runtimes");
        Assert.NotEmpty(mapped);
        Assert.All(mapped, path => Assert.StartsWith(bundled, path, StringComparison.Ordinal));
    }
}
