namespace TrackStack.Reports;

/// <summary>The small pages behind the links of report e-mails (unsubscribe, confirm an outside address), opened
/// without signing in.</summary>
internal static class ReportPages
{
    public static ContentHttpResult Html(string body, int status = StatusCodes.Status200OK) => TypedResults.Content(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>TrackStack reports</title></head>"
        + $"<body style=\"font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem\">{body}</body></html>",
        "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
