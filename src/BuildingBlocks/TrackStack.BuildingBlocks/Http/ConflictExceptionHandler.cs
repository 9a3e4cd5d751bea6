using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>Two requests racing for the same row (a double-clicked tick, two tabs opening the same month, two
/// owners demoting each other) end in a unique-key, concurrency or serialization failure. That is a 409 the
/// client can retry, not a server error.</summary>
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

    internal static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateException => true,
        SqliteException { SqliteErrorCode: 19 } => true, // SQLITE_CONSTRAINT
        DbException { SqlState: "23505" or "40001" or "40P01" } => true, // unique violation, serialization failure, deadlock
        InvalidOperationException { InnerException: { } inner } => IsConflict(inner),
        _ => false,
    };
}
