namespace TrackStack.Identity.Features.ListSignInProviders;

public sealed record ProviderResponse(string Name, string DisplayName, string SignInUrl);

internal static class ListSignInProviders
{
    public static void MapListSignInProviders(this RouteGroupBuilder auth) =>
        auth.MapGet("/providers", Handle)
            .WithSummary("External sign-in providers enabled on this server (GitHub, Google)");

    internal static Ok<ProviderResponse[]> Handle(IOptions<TrackStackOptions> options) =>
        TypedResults.Ok(ExternalProviders.Enabled(options.Value.OAuth)
            .Select(p => new ProviderResponse(p.Name, p.DisplayName, $"/api/auth/external/{p.Name}")).ToArray());
}
