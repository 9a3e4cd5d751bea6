using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace TrackStack.BuildingBlocks.Messaging.RabbitMq;

/// <summary>An <see cref="EventEnvelope"/> as an AMQP message: the JSON payload as the body, the id and wire type in
/// the standard properties, the rest in headers.</summary>
internal static class RabbitMqMessage
{
    private const string OccurredAtHeader = "trackstack-occurred-at";
    private const string TraceParentHeader = "traceparent";

    /// <summary>How many times a consumer failed to store the message (set when it puts the message back).</summary>
    public const string AttemptsHeader = "trackstack-attempts";

    public static BasicProperties Properties(EventEnvelope envelope)
    {
        var headers = new Dictionary<string, object?> { [OccurredAtHeader] = envelope.OccurredAt.ToString("O", CultureInfo.InvariantCulture) };
        if (envelope.TraceParent is not null) headers[TraceParentHeader] = envelope.TraceParent;
        return new BasicProperties
        {
            MessageId = envelope.EventId.ToString(),
            Type = envelope.Type,
            AppId = envelope.SourceModule,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(new DateTimeOffset(DateTime.SpecifyKind(envelope.OccurredAt, DateTimeKind.Utc)).ToUnixTimeSeconds()),
            Headers = headers,
        };
    }

    public static ReadOnlyMemory<byte> Body(EventEnvelope envelope) => Encoding.UTF8.GetBytes(envelope.Payload);

    /// <summary>Throws <see cref="FormatException"/> for a message no TrackStack service wrote.</summary>
    public static EventEnvelope ToEnvelope(IReadOnlyBasicProperties p, ReadOnlySpan<byte> body)
    {
        if (!Guid.TryParse(p.MessageId, out var id)) throw new FormatException("The message has no event id (message_id).");
        if (string.IsNullOrEmpty(p.Type)) throw new FormatException("The message has no event type (type).");
        var occurred = Header(p, OccurredAtHeader) is { } text
            ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : DateTimeOffset.FromUnixTimeSeconds(p.Timestamp.UnixTime).UtcDateTime;
        return new EventEnvelope(id, p.Type, Encoding.UTF8.GetString(body), occurred, p.AppId ?? "", Header(p, TraceParentHeader));
    }

    public static int Attempts(IReadOnlyBasicProperties p) =>
        p.Headers?.TryGetValue(AttemptsHeader, out var value) == true && value is IConvertible n ? n.ToInt32(CultureInfo.InvariantCulture) : 0;

    /// <summary>A copy of a received message carrying its new attempt count.</summary>
    public static BasicProperties WithAttempts(IReadOnlyBasicProperties p, int attempts)
    {
        var copy = new BasicProperties(p);
        var headers = p.Headers is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(p.Headers);
        headers[AttemptsHeader] = attempts;
        copy.Headers = headers;
        return copy;
    }

    // AMQP carries header strings as bytes.
    private static string? Header(IReadOnlyBasicProperties p, string name) =>
        p.Headers?.TryGetValue(name, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), string s => s, _ => null }
            : null;
}
