using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TrackStack.BuildingBlocks.Auth;

/// <summary>Another service refused the caller's token while forwarding a question on their behalf (their session
/// ended a moment ago, before this service's own session cache noticed): the caller must sign in again.</summary>
public sealed class SessionEndedException(string message) : Exception(message);

/// <summary>Answers a <see cref="SessionEndedException"/> with 401, like the local token check would a moment later.</summary>
internal sealed class SessionEndedExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not SessionEndedException ended) return false;
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Session ended", Detail = ended.Message },
        });
    }
}
