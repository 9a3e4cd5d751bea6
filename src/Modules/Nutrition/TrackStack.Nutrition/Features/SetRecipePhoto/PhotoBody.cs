namespace TrackStack.Nutrition.Features.SetRecipePhoto;

/// <summary>The uploaded photo's bytes: the field 'file' of a multipart form (as the other uploads send it), or the
/// whole body (an image sent as it is). Over the limit is a 413 either way, an empty upload a 400.</summary>
internal static class PhotoBody
{
    private const string What = "The photo";

    public static async Task<(byte[]? Bytes, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        MultipartUpload.AllowBody(request, maxBytes);
        if (!MultipartUpload.IsMultipart(request))
        {
            var (bytes, problem) = await MultipartUpload.ReadBodyAsync(request, maxBytes, What, ct);
            return problem is not null ? (null, problem) : bytes is null ? (null, Missing()) : (bytes, null);
        }
        var (upload, formProblem) = await MultipartUpload.ReadAsync(request, maxBytes, What, ct);
        if (formProblem is not null) return (null, formProblem);
        await using var _ = upload;
        if (upload!.File is not { Length: > 0 } file) return (null, Missing());
        var copy = new byte[file.Length];
        await file.ReadExactlyAsync(copy, ct);
        return (copy, null);
    }

    private static ValidationProblem Missing() =>
        new FieldErrors().Add("file", "Attach the photo: a JPEG, PNG or WebP image in the form field 'file', or as the request body.").ToResult();
}
