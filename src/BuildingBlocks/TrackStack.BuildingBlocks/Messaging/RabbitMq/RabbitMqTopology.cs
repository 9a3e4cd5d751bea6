using RabbitMQ.Client;

namespace TrackStack.BuildingBlocks.Messaging.RabbitMq;

/// <summary>The broker objects, all named after the configured exchange (ADR 30): the topic exchange every service
/// publishes to (routing key = the event's wire type), per consuming module a queue bound to the types it handles, its
/// dead-letter exchange and queue, and a parking queue for events no queue was bound to yet. Every declaration is
/// idempotent, so each process declares what it uses at start and after each reconnect.</summary>
internal sealed class RabbitMqTopology(string exchange)
{
    private const int UnroutedTtlMilliseconds = 7 * 24 * 3600 * 1000;

    public string Exchange { get; } = exchange;
    public string Unrouted => $"{Exchange}.unrouted";

    public string Queue(string module) => $"{Exchange}.{module}";
    public string DeadLetterExchange(string module) => $"{Exchange}.{module}.dlx";
    public string DeadLetterQueue(string module) => $"{Exchange}.{module}.dead";

    public async Task DeclareExchangeAsync(IChannel channel, CancellationToken ct)
    {
        // An event published before its consumers ever declared their queues is parked, not dropped by the broker.
        await channel.ExchangeDeclareAsync(Unrouted, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        // Events nobody subscribes to land there too; a week (the outbox's retention) bounds them.
        await channel.QueueDeclareAsync(Unrouted, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-message-ttl"] = UnroutedTtlMilliseconds }, cancellationToken: ct);
        await channel.QueueBindAsync(Unrouted, Unrouted, "", cancellationToken: ct);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["alternate-exchange"] = Unrouted }, cancellationToken: ct);
    }

    public async Task DeclareModuleAsync(IChannel channel, string module, IEnumerable<string> eventTypes, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(DeadLetterExchange(module), ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(DeadLetterQueue(module), durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.QueueBindAsync(DeadLetterQueue(module), DeadLetterExchange(module), "", cancellationToken: ct);
        await channel.QueueDeclareAsync(Queue(module), durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-dead-letter-exchange"] = DeadLetterExchange(module) }, cancellationToken: ct);
        foreach (var type in eventTypes)
        {
            await channel.QueueBindAsync(Queue(module), Exchange, type, cancellationToken: ct);
        }
    }
}
