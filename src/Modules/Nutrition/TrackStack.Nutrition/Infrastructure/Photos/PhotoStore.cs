using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.Nutrition.Infrastructure.Photos;

/// <summary>Recipe photos as files in the data dir: <c>&lt;data&gt;/nutrition/photos/&lt;household&gt;/&lt;recipe&gt;-&lt;version&gt;.jpg</c>.
/// The version is the content hash, so a replaced photo is a new file and the row names the one in force: two
/// uploads at the same moment never leave the row pointing at the other's bytes. Files are written to a temporary
/// name and moved into place, so a reader never sees half a photo. With PostgreSQL the files still live here: every
/// replica needs the same (shared, persistent) data dir.</summary>
internal sealed class PhotoStore(IOptions<TrackStackOptions> options)
{
    private readonly string _root = Path.Combine(Path.GetFullPath(options.Value.DataDir), "nutrition", "photos");

    public string PathOf(Guid householdId, Guid recipeId, string version) =>
        Path.Combine(HouseholdFolder(householdId), $"{recipeId:D}-{Checked(version)}.jpg");

    public async Task WriteAsync(Guid householdId, Guid recipeId, string version, byte[] bytes, CancellationToken ct)
    {
        var path = PathOf(householdId, recipeId, version);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await file.WriteAsync(bytes, ct);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public void Delete(Guid householdId, Guid recipeId, string version)
    {
        var path = PathOf(householdId, recipeId, version);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>Every photo file of a recipe (the one in force and any a lost race left behind).</summary>
    public void DeleteAll(Guid householdId, Guid recipeId)
    {
        var folder = HouseholdFolder(householdId);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, $"{recipeId:D}-*.jpg")) File.Delete(file);
    }

    public void DeleteHousehold(Guid householdId)
    {
        var folder = HouseholdFolder(householdId);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private string HouseholdFolder(Guid householdId) => Path.Combine(_root, householdId.ToString("D"));

    /// <summary>Versions are lower-case hex made here; anything else never becomes part of a path.</summary>
    private static string Checked(string version) =>
        version.Length is > 0 and <= 32 && version.All(char.IsAsciiHexDigitLower)
            ? version
            : throw new ArgumentException("A photo version is lower-case hex.", nameof(version));
}
