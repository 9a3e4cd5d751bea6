using Microsoft.AspNetCore.Http;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>Conservative browser security headers on every response.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Csp = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
                               "connect-src 'self'; font-src 'self' data:; manifest-src 'self'; worker-src 'self'; " +
                               "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // The camera for this origin only: the Nutrition log scans barcodes with it (the browser still asks the user).
            h["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!h.ContainsKey("Content-Security-Policy")) h["Content-Security-Policy"] = Csp;
            if (context.Request.IsHttps) h["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
