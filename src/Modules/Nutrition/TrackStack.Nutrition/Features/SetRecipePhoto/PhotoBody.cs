using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace TrackStack.Nutrition.Features.SetRecipePhoto;

/// <summary>The uploaded photo's bytes: the field 'file' of a multipart form (as the other uploads send it), or the
/// whole body (an image sent as it is). Over the limit is a 413 either way, an empty upload a 400.</summary>
internal static class PhotoBody
{
    public static async Task<(byte[]? Bytes, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        MultipartUpload.AllowBody(request, maxBytes);
        if (MultipartUpload.IsMultipart(request))
        {
            var (upload, problem) = await MultipartUpload.ReadAsync(request, maxBytes, "The photo", ct);
            if (problem is not null) return (null, problem);
            await using var _ = upload;
            if (upload!.File is not { Length: > 0 } file) return (null, Missing());
            return (await ToArrayAsync(file, ct), null);
        }
        if (request.ContentLength > maxBytes) return (null, TooLarge(maxBytes));
        try
        {
            await using var buffered = new FileBufferingReadStream(request.Body, 64 * 1024, bufferLimit: null, Path.GetTempPath);
            await buffered.DrainAsync(ct);
            if (buffered.Length > maxBytes) return (null, TooLarge(maxBytes));
            if (buffered.Length == 0) return (null, Missing());
            buffered.Position = 0;
            return (await ToArrayAsync(buffered, ct), null);
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(maxBytes) : Problems.BadRequest("Unreadable upload", ex.Message));
        }
        catch (IOException ex)
        {
            return (null, Problems.BadRequest("Unreadable upload", ex.Message));
        }
    }

    private static async Task<byte[]> ToArrayAsync(Stream file, CancellationToken ct)
    {
        var bytes = new byte[file.Length];
        await file.ReadExactlyAsync(bytes, ct);
        return bytes;
    }

    private static ValidationProblem Missing() =>
        new FieldErrors().Add("file", "Attach the photo: a JPEG, PNG or WebP image in the form field 'file', or as the request body.").ToResult();

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large",
            detail: $"The photo is larger than {maxBytes / 1024.0 / 1024.0:0.#} MB; pick a smaller one.");
}
