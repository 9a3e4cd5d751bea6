using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace TrackStack.BuildingBlocks.Auth;

/// <summary>Cookie-authenticated writes must echo the anti-CSRF token in a header (double submit bound to the
/// session). Requests with a bearer token are not exposed to CSRF and pass; anonymous endpoints do not use the
/// cookie identity (refresh and logout check the token themselves).</summary>
internal sealed class XsrfMiddleware(RequestDelegate next, XsrfToken xsrf)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.Items.ContainsKey(AccessTokenEvents.ViaCookieItem) && context.User.Identity?.IsAuthenticated == true
            && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            var sid = context.User.FindFirst(AuthConstants.SessionIdClaim)?.Value;
            if (sid is null || !xsrf.IsValid(sid, context.Request.Headers[AuthConstants.XsrfHeader]))
            {
                await XsrfToken.Missing().ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}
