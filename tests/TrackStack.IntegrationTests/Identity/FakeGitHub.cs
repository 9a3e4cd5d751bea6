using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TrackStack.IntegrationTests.Identity;

/// <summary>A stand-in for GitHub's OAuth endpoints, served on loopback by Kestrel, so the real
/// OAuth handler runs the whole authorization-code flow (with PKCE) against it.</summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGitHub(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public bool EmailVerified { get; set; } = true;
    public string Email { get; set; } = "octo@example.org";
    public int TokenRequests;

    public Dictionary<string, string?> Settings => new()
    {
        ["OAuth:GitHub:ClientId"] = "fake-client",
        ["OAuth:GitHub:ClientSecret"] = "fake-secret",
        ["OAuth:GitHub:AuthorizationEndpoint"] = new Uri(BaseAddress, "/login/oauth/authorize").ToString(),
        ["OAuth:GitHub:TokenEndpoint"] = new Uri(BaseAddress, "/login/oauth/access_token").ToString(),
        ["OAuth:GitHub:UserInformationEndpoint"] = new Uri(BaseAddress, "/user").ToString(),
        ["OAuth:GitHub:EmailsEndpoint"] = new Uri(BaseAddress, "/user/emails").ToString(),
    };

    public static async Task<FakeGitHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeGitHub? self = null;
        app.MapGet("/login/oauth/authorize", (string client_id, string redirect_uri, string state, string? code_challenge) =>
            client_id == "fake-client" && !string.IsNullOrEmpty(code_challenge)
                ? Results.Redirect($"{redirect_uri}?code=good-code&state={Uri.EscapeDataString(state)}")
                : Results.BadRequest());
        app.MapPost("/login/oauth/access_token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            Interlocked.Increment(ref self!.TokenRequests);
            var ok = form["code"] == "good-code" && form["client_secret"] == "fake-secret" && !string.IsNullOrEmpty(form["code_verifier"]);
            return ok ? Results.Json(new { access_token = "gh-token", token_type = "bearer", scope = "read:user,user:email" }) : Results.BadRequest(new { error = "bad_verification_code" });
        });
        app.MapGet("/user", (HttpRequest r) => r.Headers.Authorization == "Bearer gh-token"
            ? Results.Json(new { id = 4242, login = "octocat", name = "Octo Cat", email = (string?)null })
            : Results.Unauthorized());
        app.MapGet("/user/emails", (HttpRequest r) => r.Headers.Authorization == "Bearer gh-token"
            ? Results.Json(new[] { new { email = "old@example.org", primary = false, verified = true }, new { email = self!.Email, primary = true, verified = self.EmailVerified } })
            : Results.Unauthorized());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeGitHub(app, new Uri(address));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
