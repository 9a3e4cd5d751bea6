namespace TrackStack.Identity.Features.SignInExternally;

internal static class StartExternalSignIn
{
    public static void MapStartExternalSignIn(this RouteGroupBuilder auth) =>
        auth.MapGet("/external/{provider}", Handle)
            .WithSummary("Start signing in with an external provider")
            .WithDescription("Redirects to the provider; afterwards the browser lands on returnUrl (a local path) signed in.");

    internal static Results<ChallengeHttpResult, ProblemHttpResult> Handle(string provider, string? returnUrl, IOptions<TrackStackOptions> options)
    {
        var enabled = ExternalProviders.Enabled(options.Value.OAuth).FirstOrDefault(p => p.Name == provider);
        if (enabled is null) return Problems.NotFound("Sign-in provider");
        var target = ReturnUrls.IsLocal(returnUrl) ? ReturnUrls.ToLocation(returnUrl!) : "/";
        var properties = new AuthenticationProperties { RedirectUri = $"/api/auth/external/complete?returnUrl={Uri.EscapeDataString(target)}" };
        properties.Items["provider"] = enabled.Name;
        return TypedResults.Challenge(properties, [enabled.Name]);
    }
}
