using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace TrackStack.BuildingBlocks;

/// <summary>The multipart upload, read as it arrives with <see cref="MultipartReader"/>: the form fields as short
/// strings, the file section into a <see cref="FileBufferingReadStream"/> (the first 64 KB in pooled memory, the
/// rest in a temporary file deleted on dispose). The fields may come after the file, so the file is kept until
/// the whole body is read; it is never held in memory as a whole. Every module's file upload goes through it,
/// so a truncated or compressed body is a 400 everywhere and never an exception.</summary>
public sealed class MultipartUpload : IAsyncDisposable
{
    private const int MemoryThreshold = 64 * 1024;
    private const int MaxFields = 40;
    private const int MaxFieldChars = 1000;

    private MultipartUpload(Dictionary<string, string> fields, FileBufferingReadStream? file, string? fileName)
    {
        Fields = fields;
        File = file;
        FileName = fileName;
    }

    public IReadOnlyDictionary<string, string> Fields { get; }
    public Stream? File { get; }
    public string? FileName { get; }

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>Raises the request body limit of this request to the file limit plus room for the form fields.</summary>
    public static void AllowBody(HttpRequest request, long maxFileBytes)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxFileBytes + 64 * 1024;
    }

    /// <summary>The upload of a multipart request, or the problem that answers it: 400 for a body that is not a
    /// readable multipart form (truncated, wrong boundary, malformed), 413 beyond <paramref name="maxFileBytes"/>
    /// (<paramref name="what"/> names the file in that answer: "The statement").</summary>
    /// <param name="longFields">Fields that may be longer than the 1,000 characters of a form value, with their limit
    /// (a JSON list of a preview's edits).</param>
    public static async Task<(MultipartUpload? Upload, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, long maxFileBytes, string what, CancellationToken ct, IReadOnlyDictionary<string, int>? longFields = null)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary);
        if (boundary.Length is 0 or > 70) return (null, Problems.BadRequest("Unreadable upload", "The multipart boundary is missing or longer than 70 characters."));

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        FileBufferingReadStream? file = null;
        string? fileName = null;
        try
        {
            var reader = new MultipartReader(boundary.Value!, request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 8 * 1024 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    return (null, Problems.BadRequest("Unreadable upload", "Each part needs a Content-Disposition of form-data with a name."));
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (name != "file" || file is not null)
                    {
                        await section.Body.DrainAsync(ct);
                        continue;
                    }
                    file = new FileBufferingReadStream(section.Body, MemoryThreshold, bufferLimit: null, TempDirectory);
                    await file.DrainAsync(ct);
                    file.Position = 0;
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                }
                else
                {
                    if (fields.Count >= MaxFields) return (null, Problems.BadRequest("Unreadable upload", $"More than {MaxFields} form fields."));
                    var limit = longFields is not null && longFields.TryGetValue(name, out var longer) ? longer : MaxFieldChars;
                    var value = await ReadFieldAsync(section.Body, limit, ct);
                    if (value is null) return (null, TooLong(name, limit));
                    fields[name] = value;
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's body limit: the only 413; anything else it refuses stays a 400.
            if (file is not null) await file.DisposeAsync();
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(maxFileBytes, what) : Problems.BadRequest("Unreadable upload", ex.Message));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            // A truncated body, a missing end boundary, headers beyond the limits.
            if (file is not null) await file.DisposeAsync();
            return (null, Problems.BadRequest("Unreadable upload", ex.Message));
        }
        if (file is not null && file.Length > maxFileBytes)
        {
            await file.DisposeAsync();
            return (null, TooLarge(maxFileBytes, what));
        }
        return (new MultipartUpload(fields, file, fileName), null);
    }

    /// <summary>A file sent as the whole request body (an image PUT as it is), buffered as a form's file is (memory,
    /// then the temp directory): its bytes, or 413 beyond <paramref name="maxBytes"/> and 400 for an unreadable body.
    /// An empty body gives no bytes and no problem: the caller says what was expected.</summary>
    public static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadBodyAsync(HttpRequest request, long maxBytes, string what, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return (null, TooLarge(maxBytes, what));
        try
        {
            await using var body = new FileBufferingReadStream(request.Body, MemoryThreshold, bufferLimit: null, TempDirectory);
            await body.DrainAsync(ct);
            if (body.Length > maxBytes) return (null, TooLarge(maxBytes, what));
            if (body.Length == 0) return (null, null);
            body.Position = 0;
            var bytes = new byte[body.Length];
            await body.ReadExactlyAsync(bytes, ct);
            return (bytes, null);
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(maxBytes, what) : Problems.BadRequest("Unreadable upload", ex.Message));
        }
        catch (IOException ex)
        {
            return (null, Problems.BadRequest("Unreadable upload", ex.Message));
        }
    }

    public ValueTask DisposeAsync() => File?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Where ASP.NET Core buffers large request bodies too.</summary>
    private static string TempDirectory() => Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") is { Length: > 0 } dir ? dir : Path.GetTempPath();

    private static ProblemHttpResult TooLarge(long maxFileBytes, string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large", detail: $"{what} is larger than {maxFileBytes / 1024.0 / 1024.0:0.#} MB.");

    private static ProblemHttpResult TooLong(string field, int limit) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new FieldErrors().Add(field, $"Keep the value under {limit} characters.").ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
        });

    /// <summary>A form value as text, or null when it is longer than <paramref name="limit"/> characters.</summary>
    private static async Task<string?> ReadFieldAsync(Stream body, int limit, CancellationToken ct)
    {
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        var text = new System.Text.StringBuilder();
        var buffer = new char[Math.Min(limit + 1, 4096)];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > limit)
            {
                await body.DrainAsync(ct);
                return null;
            }
        }
        return text.ToString();
    }
}
