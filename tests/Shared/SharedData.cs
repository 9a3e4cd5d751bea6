namespace TrackStack.Tests;

/// <summary>Reference files live in ../shared/data beside the repository; tests read them in place.</summary>
internal static class SharedData
{
    public static string PathOf(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrackStack.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Cannot find the repository root (TrackStack.sln).");
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
        if (!File.Exists(path)) throw new FileNotFoundException($"Reference data {relative} is missing: shared/ must sit beside the repository.", path);
        return path;
    }

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));
}
