using System.Diagnostics;
using System.Globalization;

namespace TrackStack.Benchmarks;

internal sealed record Latency(string Name, double P50, double P99, double Mean, int Samples)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name,-46} p50 {P50,8:F2} ms   p99 {P99,8:F2} ms   mean {Mean,8:F2} ms   n={Samples}");
}

internal static class Measure
{
    public static async Task<Latency> LatencyAsync(string name, int warmup, int samples, Func<Task> action)
    {
        for (var i = 0; i < warmup; i++) await action();
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return new Latency(name, Percentile(times, 0.50), Percentile(times, 0.99), times.Average(), samples);
    }

    public static async Task EnsureOkAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body[..Math.Min(800, body.Length)]}");
    }

    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
