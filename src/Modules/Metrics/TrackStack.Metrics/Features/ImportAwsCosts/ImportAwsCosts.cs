using System.Text;

namespace TrackStack.Metrics.Features.ImportAwsCosts;

internal static class ImportAwsCosts
{
    public const long MaxImportBytes = 50 * 1024 * 1024;

    public static void MapImportAwsCosts(this RouteGroupBuilder metrics) =>
        metrics.MapPost("/costs/aws", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery() // cookie writes are protected by the X-XSRF-TOKEN check of the platform
            .WithSummary("Import an AWS Cost and Usage Report or Cost Explorer CSV (form field 'file') into infra.cost; admins only");

    internal static async Task<Results<Ok<AwsCostImportResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, HttpContext http, AwsCostImport import, CancellationToken ct)
    {
        var errors = new FieldErrors();
        MultipartUpload.AllowBody(http.Request, MaxImportBytes);
        if (!MultipartUpload.IsMultipart(http.Request)) return errors.Add("file", "Send multipart/form-data with the CSV in the field 'file'.").ToResult();
        var (upload, problem) = await MultipartUpload.ReadAsync(http.Request, MaxImportBytes, "The cost file", ct);
        if (problem is not null) return problem;
        await using var _ = upload;
        if (upload!.File is not { Length: > 0 } file) return errors.Add("file", "Attach the CSV file in the form field 'file'.").ToResult();

        AwsCosts? costs;
        string? error;
        using (var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true)) (costs, error) = AwsCostCsv.Parse(reader);
        if (costs is null) return errors.Add("file", error!).ToResult();
        return TypedResults.Ok(await import.ApplyAsync(householdId, costs, ct));
    }
}
