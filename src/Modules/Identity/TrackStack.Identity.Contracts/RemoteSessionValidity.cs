using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrackStack.BuildingBlocks.Auth;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.Identity.Contracts;

public static class RemoteSessionValidityRegistration
{
    internal const string ClientName = "identity-sessions";

    /// <summary>Called by the host after the modules: when the Identity module is not in this process, the session of
    /// every access token is checked with the Identity service at TrackStack__Services__IdentityUrl. Without that
    /// setting no session can be checked, so every signed-in request is refused (fail closed) and the start-up log
    /// says why; commands that serve nothing (migrate) are not affected.</summary>
    public static IServiceCollection AddRemoteSessionValidityIfNeeded(this IServiceCollection services, TrackStackOptions options)
    {
        if (services.Any(d => d.ServiceType == typeof(ISessionValidity))) return services;
        if (string.IsNullOrWhiteSpace(options.Services.IdentityUrl))
        {
            services.AddSingleton<ISessionValidity, UncheckableSessions>();
            services.AddHostedService<MissingIdentityUrlNotice>();
            return services;
        }
        services.AddHttpClient(ClientName, c =>
        {
            c.BaseAddress = new Uri(options.Services.IdentityUrl.TrimEnd('/') + "/");
            c.Timeout = TimeSpan.FromSeconds(5);
        });
        services.AddSingleton<ISessionValidity, RemoteSessionValidity>();
        return services;
    }

    private const string Missing = "TrackStack__Services__IdentityUrl is not set and the identity module does not run in this process, so no session can be checked: every signed-in request is refused. Set it to the Identity service's base URL, e.g. http://identity:8080.";

    private sealed class UncheckableSessions : ISessionValidity
    {
        public ValueTask<bool> IsActiveAsync(SessionCheck check, CancellationToken ct) => throw new InvalidOperationException(Missing);
    }

    private sealed class MissingIdentityUrlNotice(ILogger<MissingIdentityUrlNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogError(Missing);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>Asks the Identity service whether an access token's session is active, presenting the caller's own token.
/// Answers are cached for <see cref="SessionValidityCache.MaxAge"/>; anything but 204 or 401 throws, and the request is
/// refused (fail closed).</summary>
internal sealed class RemoteSessionValidity(IHttpClientFactory clients, TimeProvider clock) : ISessionValidity
{
    private static readonly Uri Endpoint = new(SessionCheckEndpoint.Path.TrimStart('/'), UriKind.Relative);
    private readonly SessionValidityCache _cache = new(clock);

    public ValueTask<bool> IsActiveAsync(SessionCheck check, CancellationToken ct) =>
        _cache.TryGet(check.SessionId, out var active) ? ValueTask.FromResult(active) : new ValueTask<bool>(AskAsync(check, ct));

    private async Task<bool> AskAsync(SessionCheck check, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", check.AccessToken);
        using var response = await clients.CreateClient(RemoteSessionValidityRegistration.ClientName).SendAsync(request, ct);
        var active = response.StatusCode switch
        {
            HttpStatusCode.NoContent or HttpStatusCode.OK => true,
            HttpStatusCode.Unauthorized => false,
            _ => throw new HttpRequestException($"The Identity service answered {(int)response.StatusCode} to a session check."),
        };
        _cache.Set(check.SessionId, active);
        return active;
    }
}
