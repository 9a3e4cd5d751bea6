using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TrackStack.BuildingBlocks.Http;

namespace TrackStack.Metrics;

/// <summary>The JSON body a rule's webhook receives.</summary>
internal sealed record WebhookBody(string Event, WebhookRule Rule, string Metric, double? Value, string Summary, DateTime FiredAt, DateTime? ResolvedAt, Guid FiringId);

internal sealed record WebhookRule(Guid Id, string Name);

/// <summary>What the webhook answered: a status code, or why it could not be called.</summary>
internal sealed record WebhookOutcome(int? Status, string? Error);

/// <summary>POSTs the fired and resolved notices to a rule's webhook, signed with the rule's secret
/// (X-TrackStack-Signature: sha256=hex HMAC of the raw body) and stamped (X-TrackStack-Timestamp: Unix seconds).
/// One attempt with a short timeout and no redirects; a failure is recorded on the firing, never thrown.</summary>
internal sealed class AlertWebhooks(IHttpClientFactory clients, AlertSecrets secrets, TimeProvider clock, ILogger<AlertWebhooks> logger)
{
    public const string ClientName = "metrics-alert-webhooks";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WebhookOutcome> SendAsync(AlertRule rule, WebhookBody body, CancellationToken ct)
    {
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
            var secret = secrets.Unprotect(rule.ProtectedSecret);
            using var request = new HttpRequestMessage(HttpMethod.Post, rule.WebhookUrl) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(bytes, secret));
            request.Headers.Add(WebhookSignature.TimestampHeader, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return new WebhookOutcome((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"The webhook answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The message only: no URL query or secret goes to the log.
            logger.LogWarning("The webhook of alert rule {RuleId} failed: {Error}", rule.Id, ex.GetType().Name);
            var error = ex switch
            {
                TaskCanceledException => "The webhook did not answer in time.",
                HttpRequestException { InnerException: RefusedAddressException refused } => refused.Message,
                _ => ex.Message,
            };
            return new WebhookOutcome(null, error.Length > 500 ? error[..500] : error);
        }
    }
}
