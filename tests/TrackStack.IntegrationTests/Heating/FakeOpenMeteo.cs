using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TrackStack.IntegrationTests.Heating;

/// <summary>A stand-in for Open-Meteo's historical API (/v1/archive), served on loopback by Kestrel. Day i of the
/// requested range has a mean of 1.5 + 0.1·i °C; the last day is null (not yet in the archive).</summary>
public sealed class FakeOpenMeteo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenMeteo(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public Uri ArchiveUrl => new(BaseAddress, "/v1/archive");
    public ConcurrentQueue<IQueryCollection> Requests { get; } = new();
    public bool Fail { get; set; }

    public static double MeanOfDay(int index) => Math.Round(1.5 + (0.1 * index), 2);

    public static async Task<FakeOpenMeteo> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOpenMeteo? self = null;
        app.MapGet("/v1/archive", (HttpRequest request) =>
        {
            self!.Requests.Enqueue(request.Query);
            if (self.Fail) return Results.Json(new { error = true, reason = "Parameter 'start_date' is out of range" }, statusCode: 400);
            var q = request.Query;
            if (q["daily"] != "temperature_2m_mean" || string.IsNullOrEmpty(q["latitude"]) || string.IsNullOrEmpty(q["timezone"]))
            {
                return Results.Json(new { error = true, reason = "bad query" }, statusCode: 400);
            }
            var start = DateOnly.ParseExact(q["start_date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var end = DateOnly.ParseExact(q["end_date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var days = end.DayNumber - start.DayNumber + 1;
            var time = Enumerable.Range(0, days).Select(i => start.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
            var means = Enumerable.Range(0, days).Select(i => i == days - 1 ? (double?)null : MeanOfDay(i)).ToArray();
            return Results.Json(new
            {
                latitude = double.Parse(q["latitude"]!, CultureInfo.InvariantCulture),
                longitude = double.Parse(q["longitude"]!, CultureInfo.InvariantCulture),
                timezone = q["timezone"].ToString(),
                daily_units = new { time = "iso8601", temperature_2m_mean = "°C" },
                daily = new { time, temperature_2m_mean = means },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeOpenMeteo(app, new Uri(address));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
