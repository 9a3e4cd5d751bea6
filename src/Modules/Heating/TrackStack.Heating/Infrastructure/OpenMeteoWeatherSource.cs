using System.Text.Json;

namespace TrackStack.Heating.Infrastructure;

/// <summary>Adapter: daily mean temperatures (temperature_2m_mean) from Open-Meteo's historical API.</summary>
internal sealed class OpenMeteoWeatherSource(HttpClient http, IOptions<HeatingOptions> options) : IWeatherSource
{
    public async Task<WeatherResult> GetDailyMeansAsync(double latitude, double longitude, DateOnly from, DateOnly to, string timeZone, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        var url = $"{options.Value.OpenMeteoUrl}?latitude={latitude.ToString("0.####", inv)}&longitude={longitude.ToString("0.####", inv)}"
                  + $"&start_date={from.ToString("yyyy-MM-dd", inv)}&end_date={to.ToString("yyyy-MM-dd", inv)}"
                  + $"&daily=temperature_2m_mean&timezone={Uri.EscapeDataString(timeZone)}";
        try
        {
            using var response = await http.GetAsync(url, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (!response.IsSuccessStatusCode || (root.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.True))
            {
                var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                return WeatherResult.Failed($"Open-Meteo answered {(int)response.StatusCode}{(reason is null ? "" : ": " + reason)}");
            }
            if (!root.TryGetProperty("daily", out var daily)
                || !daily.TryGetProperty("time", out var times) || times.ValueKind != JsonValueKind.Array
                || !daily.TryGetProperty("temperature_2m_mean", out var means) || means.ValueKind != JsonValueKind.Array
                || times.GetArrayLength() != means.GetArrayLength())
            {
                return WeatherResult.Failed("Open-Meteo's answer has no daily temperature_2m_mean series.");
            }
            var days = new List<DailyMean>(times.GetArrayLength());
            for (var i = 0; i < times.GetArrayLength(); i++)
            {
                if (!DateOnly.TryParseExact(times[i].GetString(), "yyyy-MM-dd", inv, DateTimeStyles.None, out var date)) continue;
                days.Add(new DailyMean(date, means[i].ValueKind == JsonValueKind.Number ? means[i].GetDouble() : null));
            }
            return new WeatherResult(days, null);
        }
        catch (HttpRequestException e)
        {
            return WeatherResult.Failed($"Open-Meteo could not be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return WeatherResult.Failed("Open-Meteo did not answer in time.");
        }
        catch (JsonException)
        {
            return WeatherResult.Failed("Open-Meteo's answer is not JSON.");
        }
    }
}
