using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>Two requests racing for the same row (a double-clicked tick, two owners demoting each other) end in a
/// unique-key, concurrency or serialization failure. That is a 409 the client can retry, not a server error. Any
/// other database error (a foreign key, a NOT NULL) is a bug and stays a 500 with its log line.</summary>
internal sealed class ConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsConflict(exception)) return false;
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The data changed meanwhile",
                Detail = "Another change to the same data happened at the same moment. Reload and try again.",
            },
        });
    }

    internal static bool IsConflict(Exception exception) => DbErrors.IsRace(exception);
}
