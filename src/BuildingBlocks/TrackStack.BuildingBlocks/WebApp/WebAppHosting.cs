using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace TrackStack.BuildingBlocks.WebApp;

/// <summary>Serves the built web app (the Astro shell's <c>dist</c> folder) at "/" next to the API:
/// <list type="bullet">
/// <item>the folder comes from <c>TrackStack:WebRoot</c>, else <c>wwwroot</c> next to the binary when it exists, else no web app;</item>
/// <item>a directory's <c>index.html</c> answers its path (<c>/sign-in</c> and <c>/sign-in/</c> serve <c>/sign-in/index.html</c>);</item>
/// <item>content-hashed assets under <c>/_astro/</c> are cached for a year; everything else (HTML, <c>sw.js</c>, the
/// manifest) is revalidated on every use so a new version shows up at once;</item>
/// <item>text files are sent precompressed (<c>.br</c>, else <c>.gz</c>, written beside them by the web build) when the
/// browser accepts it (<see cref="PrecompressedFiles"/>, ADR 0015);</item>
/// <item>an unknown page gets the app's <c>404.html</c> with status 404; unknown API routes and missing assets keep
/// their problem-details 404.</item>
/// </list>
/// The host and the gateway both serve it this way. API routes always win: files are only looked up when no endpoint matched. The security headers (strict CSP)
/// apply unchanged, because the web app ships no inline scripts (ADR 0010).</summary>
public static class WebAppHosting
{
    public const string WebRootSetting = "TrackStack:WebRoot";
    private const string ImmutableCache = "public, max-age=31536000, immutable";
    private static readonly PathString[] NonAppPrefixes = ["/api", "/openapi", "/health"];

    /// <summary>The folder to serve, or null for none.</summary>
    public static string? ResolveWebRoot(IConfiguration configuration, string baseDirectory, ILogger? logger = null)
    {
        var configured = configuration[WebRootSetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            if (Directory.Exists(full)) return full;
            logger?.LogWarning("TrackStack:WebRoot is {WebRoot}, which does not exist; serving the API only", full);
            return null;
        }
        var beside = Path.Combine(baseDirectory, "wwwroot");
        return Directory.Exists(beside) ? beside : null;
    }

    public static WebApplication UseTrackStackWebApp(this WebApplication app)
    {
        var root = ResolveWebRoot(app.Configuration, AppContext.BaseDirectory, app.Logger);
        if (root is null)
        {
            app.Logger.LogInformation("No web app folder (set TrackStack__WebRoot); serving the API only");
            return app;
        }
        app.Logger.LogInformation("Serving the web app from {WebRoot}", root);
        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";

        app.Use((context, next) =>
        {
            if (!IsAppRequest(context)) return next(context);
            RewriteDirectoryIndex(context, files);
            // The compressed copies are only ever sent in place of their original, with Content-Encoding.
            if (PrecompressedFiles.IsCompressedCopy(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            PrecompressedFiles.SelectCopy(context, files, types);
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new PrecompressedFiles.ContentTypes(types),
            OnPrepareResponse = static ctx =>
            {
                ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Path.StartsWithSegments("/_astro")
                    ? ImmutableCache
                    : "no-cache";
                PrecompressedFiles.PrepareResponse(ctx.Context);
            },
        });
        app.Use(async (context, next) =>
        {
            var page = files.GetFileInfo("/404.html");
            if (IsAppRequest(context) && AcceptsHtml(context.Request) && page.Exists && !context.Request.Path.StartsWithSegments("/_astro"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-cache";
                if (HttpMethods.IsHead(context.Request.Method)) return;
                await context.Response.SendFileAsync(page, context.RequestAborted);
                return;
            }
            await next(context);
        });
        return app;
    }

    private static bool IsAppRequest(HttpContext context) =>
        context.GetEndpoint() is null
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !NonAppPrefixes.Any(p => context.Request.Path.StartsWithSegments(p));

    private static void RewriteDirectoryIndex(HttpContext context, PhysicalFileProvider files)
    {
        var path = context.Request.Path.Value ?? "/";
        if (Path.HasExtension(path)) return;
        var candidate = path.EndsWith('/') ? path + "index.html" : path + "/index.html";
        if (files.GetFileInfo(candidate).Exists) context.Request.Path = candidate;
    }

    private static bool AcceptsHtml(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Length == 0 || accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) || accept.Contains("*/*", StringComparison.Ordinal);
    }
}
