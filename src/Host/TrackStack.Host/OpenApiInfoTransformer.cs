using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrackStack.Host;

internal sealed class OpenApiInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "TrackStack API",
            Version = "v1",
            Description = "Self-hosted household tracking. Authenticate with the cookies set by POST /api/auth/login " +
                          "(then echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header on writes), or with " +
                          "'Authorization: Bearer <token>' from POST /api/auth/token. Errors are RFC 9457 problem details.",
        };
        return Task.CompletedTask;
    }
}
