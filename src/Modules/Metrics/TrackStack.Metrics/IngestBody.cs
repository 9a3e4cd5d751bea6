using Microsoft.AspNetCore.Http.Features;

namespace TrackStack.Metrics;

/// <summary>Reads an ingest body as UTF-8 text up to the configured limit: null and a 413 problem beyond it
/// (by Content-Length before reading, or while reading a chunked body).</summary>
internal static class IngestBody
{
    public static async Task<(string? Text, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return (null, TooLarge(maxBytes));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes) return (null, TooLarge(maxBytes));
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        try
        {
            return (new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return (null, Problems.BadRequest("The body is not UTF-8", "Send the points as UTF-8 text."));
        }
    }

    private static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large",
            detail: $"Send at most {maxBytes} bytes per request; split the batch.");
}
