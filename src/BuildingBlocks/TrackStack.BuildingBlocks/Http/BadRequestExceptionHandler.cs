using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>A request the endpoint could not bind (unreadable JSON, a value of the wrong type, a body too large)
/// answers its 4xx with a clear problem: for JSON the field it failed on under <c>errors</c>, like any other 400,
/// instead of a bare "Bad Request". Minimal APIs throw these only with <c>ThrowOnBadRequest</c>, which the platform
/// turns on for this.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>Set on a <see cref="JsonException"/> to name the property of the object at its path.</summary>
    public const string PropertyKey = "property";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        context.Response.StatusCode = bad.StatusCode;
        ProblemDetails problem = bad.InnerException is JsonException json
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Field(json)] = [Reason(json)] }) { Title = "The request has invalid fields." }
            : new ProblemDetails { Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large" : "Bad request", Detail = bad.Message };
        problem.Status = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>"$.tanks[0].ratioPercent" becomes "tanks[0].ratioPercent", the names the endpoints' own errors use.</summary>
    private static string Field(JsonException json)
    {
        var path = json.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
        if (json.Data[PropertyKey] is string property) path = path.Length == 0 ? property : $"{path}.{property}";
        return path.Length == 0 ? "body" : path;
    }

    /// <summary>The serializer's reason without its path suffix; a failed conversion names a CLR type, which says
    /// nothing to a client, so it is said in words.</summary>
    private static string Reason(JsonException json)
    {
        var message = json.Message;
        if (message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
            return "This value has the wrong type or format for this field.";
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
