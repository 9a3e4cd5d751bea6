using System.Net;
using TrackStack.BuildingBlocks.Http;
using System.Text;

namespace TrackStack.Nutrition.Infrastructure.Fetching;

/// <summary>Fetches a recipe page over HTTP(S): at most <see cref="MaxBytes"/>, within the configured timeout, following
/// up to five redirects itself (each to http or https; the connection guard checks every address reached), and
/// only text answers (HTML or JSON).</summary>
internal sealed class HttpRecipePageFetcher(HttpClient http) : IRecipePageFetcher
{
    public const string ClientName = "nutrition-recipe-pages";
    public const int MaxBytes = 2_000_000;
    private const int MaxRedirects = 5;

    public async Task<string> FetchAsync(Uri url, CancellationToken ct)
    {
        var current = url;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps) throw new PageFetchException("Only http and https addresses can be fetched.");
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/ld+json,application/json;q=0.9,*/*;q=0.1");
            request.Headers.UserAgent.ParseAdd("TrackStack-RecipeImport/1.0");
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
            {
                throw new PageFetchException(refused.Message);
            }
            catch (HttpRequestException e)
            {
                throw new PageFetchException($"Could not reach {current.Host}: {e.Message}");
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new PageFetchException($"{current.Host} did not answer in time.");
            }
            using (response)
            {
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                if (!response.IsSuccessStatusCode) throw new PageFetchException($"{current.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                var type = response.Content.Headers.ContentType?.MediaType ?? "";
                if (!(type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || type.Contains("json", StringComparison.OrdinalIgnoreCase) || type.Contains("xml", StringComparison.OrdinalIgnoreCase)))
                    throw new PageFetchException($"The address gives {type} rather than a web page.");
                if (response.Content.Headers.ContentLength > MaxBytes) throw new PageFetchException("The page is larger than 2 MB.");
                return await ReadCappedAsync(response, ct);
            }
        }
        throw new PageFetchException($"More than {MaxRedirects} redirects.");
    }

    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0) read += n;
        if (read > MaxBytes) throw new PageFetchException("The page is larger than 2 MB.");
        var charset = response.Content.Headers.ContentType?.CharSet?.Trim('"');
        Encoding encoding;
        try { encoding = charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset); }
        catch (ArgumentException) { encoding = Encoding.UTF8; }
        return encoding.GetString(buffer, 0, read);
    }
}
