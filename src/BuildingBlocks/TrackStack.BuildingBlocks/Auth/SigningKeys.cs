using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.BuildingBlocks.Auth;

/// <summary>The key that signs access tokens (HS256) and the anti-CSRF key derived from it. It comes from
/// configuration, or is generated once and kept in the data dir so restarts keep sessions valid.</summary>
public sealed class SigningKeys
{
    private const string KeyFile = "keys/access-token-signing.key";

    public SigningKeys(IOptions<TrackStackOptions> options, ILogger<SigningKeys> logger)
    {
        var configured = options.Value.Auth.SigningKey;
        byte[] material;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            material = Convert.FromBase64String(configured);
        }
        else
        {
            var path = Path.Combine(Path.GetFullPath(options.Value.DataDir), KeyFile);
            material = LoadOrCreate(path, logger);
        }
        SecurityKey = new SymmetricSecurityKey(material) { KeyId = Convert.ToHexString(SHA256.HashData(material))[..16] };
        XsrfKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info: Encoding.UTF8.GetBytes("trackstack-xsrf-v1"));
    }

    public SymmetricSecurityKey SecurityKey { get; }
    internal byte[] XsrfKey { get; }

    private static byte[] LoadOrCreate(string path, ILogger logger)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(64);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException)
        {
            // Another process created it first: use theirs.
            File.Delete(temp);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        logger.LogInformation("Generated a new access-token signing key in {Path}", path);
        return key;
    }
}
