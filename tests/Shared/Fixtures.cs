namespace TrackStack.Tests;

/// <summary>Small public files in tests/fixtures (origin and licence in tests/fixtures/SOURCES.md), and files of the
/// repository itself (deploy/ configuration the tests check).</summary>
internal static class Fixtures
{
    public static string PathOf(string relative)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "fixtures", relative);
        if (!File.Exists(path)) throw new FileNotFoundException($"Test fixture {relative} is missing from tests/fixtures.", path);
        return path;
    }

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrackStack.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (TrackStack.sln).");
    }
}
