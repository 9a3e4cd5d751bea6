using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>While the database restarts or a service this one asks is down, a request cannot be answered: that is a
/// 503 with Retry-After (the web app and scripts retry it, an offline client keeps its entry queued), not a 500 that
/// reads as a bug. The exception is still logged by the exception middleware.</summary>
internal sealed class UnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DbErrors.IsUnavailable(exception)) return false;
        return await WriteAsync(context, problems, exception);
    }

    internal static ValueTask<bool> WriteAsync(HttpContext context, IProblemDetailsService problems, Exception? exception)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = "A part of TrackStack this request needs cannot be reached right now. Try again in a few seconds.",
            },
        });
    }
}
