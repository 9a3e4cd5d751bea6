using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.BuildingBlocks.Messaging.RabbitMq;

/// <summary>Consumes the queue of every module in this process that handles events (and no other): declares the
/// topology, then one channel per queue with a prefetch limit. A delivery is written to the module's inbox — the
/// same path the in-process transport takes — and acked only after that transaction committed; the inbox worker runs
/// the handlers as in the monolith. When the broker goes away it reconnects with backoff and declares again.</summary>
internal sealed class RabbitMqConsumers(
    RabbitMqConnections connections,
    IEnumerable<EventSubscription> subscriptions,
    IEnumerable<IInboxStore> inboxes,
    IOptions<TrackStackOptions> options,
    ILogger<RabbitMqConsumers> logger) : IHostedService, IAsyncDisposable
{
    private readonly ModuleQueue[] _queues = ModuleQueue.For(subscriptions, inboxes).ToArray();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_queues.Length == 0) return;
        // Declare at start when the broker is there, so a producer started right after finds the queues bound; a broker
        // that is down does not stop the process (the loop keeps trying).
        var first = await TryConnectAsync(cancellationToken);
        _loop = RunAsync(first, _stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null) await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task RunAsync(Session? session, CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            session ??= await TryConnectAsync(stop);
            if (session is null)
            {
                failures++;
                await Task.Delay(RabbitMqConnections.Backoff(failures), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            if (failures > 0) logger.LogInformation("Consuming from RabbitMQ again after {Failures} failed attempt(s)", failures);
            failures = 0;
            await session.Closed.WaitAsync(stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!stop.IsCancellationRequested) logger.LogWarning("Lost the RabbitMQ connection of queues {Queues}; reconnecting", string.Join(", ", _queues.Select(q => q.Module)));
            await session.DisposeAsync();
            session = null;
        }
    }

    private async Task<Session?> TryConnectAsync(CancellationToken ct)
    {
        IConnection? connection = null;
        try
        {
            connection = await connections.ConnectAsync("consumer", ct);
            var session = new Session(connection);
            connection.ConnectionShutdownAsync += (_, _) => session.Close();
            await using (var setup = await connection.CreateChannelAsync(cancellationToken: ct))
            {
                await connections.Topology.DeclareExchangeAsync(setup, ct);
                foreach (var queue in _queues) await connections.Topology.DeclareModuleAsync(setup, queue.Module, queue.Handlers.Keys, ct);
            }
            foreach (var queue in _queues) await ConsumeAsync(session, queue, ct);
            logger.LogInformation("Consuming RabbitMQ queues {Queues}", string.Join(", ", _queues.Select(q => connections.Topology.Queue(q.Module))));
            return session;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Any failure (the broker away, a queue declared with other arguments) must not end the loop: consumers
            // that stopped silently would leave the module deaf.
            logger.LogWarning("Cannot consume from RabbitMQ ({Error}); retrying", RetryPolicy.Describe(ex));
            if (connection is not null) await connection.DisposeAsync();
            return null;
        }
    }

    private async Task ConsumeAsync(Session session, ModuleQueue queue, CancellationToken ct)
    {
        // Confirmations on: a retried message is published back here and must be stored before the original is acked.
        var channel = await session.Connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        // A channel the broker closed (a failed ack, say) ends its consumer; rebuild everything rather than go deaf.
        channel.ChannelShutdownAsync += (_, _) => session.Close();
        await channel.BasicQosAsync(0, (ushort)connections.Settings.Prefetch, global: false, ct);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(channel, queue, delivery);
        await channel.BasicConsumeAsync(connections.Topology.Queue(queue.Module), autoAck: false, consumer, ct);
    }

    private async Task OnDeliveryAsync(IChannel channel, ModuleQueue queue, BasicDeliverEventArgs delivery)
    {
        var stop = _stopping.Token;
        var body = delivery.Body.ToArray();
        try
        {
            EventEnvelope envelope;
            try
            {
                envelope = RabbitMqMessage.ToEnvelope(delivery.BasicProperties, body);
            }
            catch (FormatException ex)
            {
                logger.LogError("Queue {Queue} got a message that is not a TrackStack event ({Error}); it goes to the dead-letter queue", connections.Topology.Queue(queue.Module), ex.Message);
                await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, stop);
                return;
            }
            try
            {
                // A type no handler of this module takes any more (a stale binding) is acknowledged and dropped.
                if (queue.Handlers.TryGetValue(envelope.Type, out var handlers)) await queue.Inbox.StoreAsync(envelope, handlers, stop);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                await RetryOrDeadLetterAsync(channel, queue, delivery, body, envelope, ex, stop);
                return;
            }
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stop);
        }
        catch (Exception ex) when (stop.IsCancellationRequested || ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Shutting down or disconnected: the unacked message goes back to the queue, and the inbox drops a copy it already has.
        }
    }

    /// <summary>Puts the message back with one more attempt counted in its header, after the retry delay; after the
    /// attempt limit rejects it, so the queue's dead-letter exchange moves it to the module's dead-letter queue.</summary>
    private async Task RetryOrDeadLetterAsync(IChannel channel, ModuleQueue queue, BasicDeliverEventArgs delivery, byte[] body, EventEnvelope envelope, Exception error, CancellationToken stop)
    {
        var o = options.Value.Messaging;
        var attempts = RabbitMqMessage.Attempts(delivery.BasicProperties) + 1;
        if (attempts >= o.MaxAttempts)
        {
            logger.LogError(error, "Module {Module} could not store event {Type} {EventId} after {Attempts} attempts; it goes to RabbitMQ queue {DeadLetterQueue}",
                queue.Module, envelope.Type, envelope.EventId, attempts, connections.Topology.DeadLetterQueue(queue.Module));
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, stop);
            return;
        }
        logger.LogWarning(error, "Module {Module} could not store event {Type} {EventId} (attempt {Attempts}); it will retry", queue.Module, envelope.Type, envelope.EventId, attempts);
        // The delay holds this queue's consumer: a failing inbox is usually a database that is down for all of them.
        var delay = RetryPolicy.Delay(attempts, o);
        await Task.Delay(delay < MaxRetryDelay ? delay : MaxRetryDelay, stop);
        await channel.BasicPublishAsync("", connections.Topology.Queue(queue.Module), mandatory: false, RabbitMqMessage.WithAttempts(delivery.BasicProperties, attempts), body, stop);
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stop);
    }

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>One connection with its consumers; Closed completes when the broker or a channel ends it.</summary>
    private sealed class Session(IConnection connection) : IAsyncDisposable
    {
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IConnection Connection { get; } = connection;
        public Task Closed => _closed.Task;

        public Task Close()
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (Connection.IsOpen) await Connection.CloseAsync();
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
            {
                // Already gone.
            }
            await Connection.DisposeAsync();
        }
    }
}
