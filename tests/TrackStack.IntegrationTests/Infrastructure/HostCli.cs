using System.Diagnostics;

namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>Runs the built host's operator commands as a real process against a data dir (as an operator would,
/// next to a running server).</summary>
internal static class HostCli
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(string dataDir, string[] args, string? stdin = null, IReadOnlyDictionary<string, string>? env = null)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "TrackStack.Host.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(host);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["TrackStack__DataDir"] = dataDir;
        info.Environment["TrackStack__Auth__PasswordHashIterations"] = "1";
        info.Environment["TrackStack__Auth__PasswordHashMemoryKiB"] = "1024";
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
