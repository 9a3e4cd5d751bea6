using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>Brotli and gzip for the API's JSON (and CSV exports), compressed per response at the fastest level; the web
/// app's files come precompressed from the build (ADR 0015). Over HTTPS too, but never a response that sets a cookie
/// or comes from /api/auth: compressing a secret next to attacker-influenced text leaks it through the size (BREACH).</summary>
public static class ResponseCompressionSetup
{
    private static readonly string[] MimeTypes =
        ["application/json", "application/problem+json", "text/csv", "text/plain", "application/openapi+json"];

    public static IServiceCollection AddTrackStackResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = MimeTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, NoSecretsCompressionProvider>());
        return services;
    }

    /// <summary>The framework's provider, minus the responses that carry session secrets.</summary>
    internal sealed class NoSecretsCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            !context.Request.Path.StartsWithSegments("/api/auth")
            && !context.Response.Headers.ContainsKey(HeaderNames.SetCookie)
            && base.ShouldCompressResponse(context);
    }
}
