using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace TrackStack.BuildingBlocks.Messaging.RabbitMq;

/// <summary>Publishes outbox rows to the topic exchange on a channel with publisher confirmations: PublishAsync returns
/// only after the broker confirmed the message (so the relay marks the row done only then) and throws when it
/// nacked. While the broker cannot be reached it throws <see cref="TransportUnavailableException"/> at once and
/// reconnects with backoff, so the relay keeps the rows pending.</summary>
internal sealed class RabbitMqEventTransport(RabbitMqConnections connections, TimeProvider clock, ILogger<RabbitMqEventTransport> logger) : IEventTransport, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _publish = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;
    private int _failures;
    private DateTime _nextAttempt = DateTime.MinValue;

    public bool ReachesEveryModule => true;

    public bool IsConnected => _channel is { IsOpen: true };

    public async Task<Delivery> PublishAsync(EventEnvelope envelope, CancellationToken ct)
    {
        var channel = await ChannelAsync(force: false, ct);
        // One publish at a time on the shared channel: concurrent confirm-tracked publishes on one channel have had bugs
        // in the 7.x client (rabbitmq-dotnet-client#1818), and each module's relay publishes one row at a time anyway.
        await _publish.WaitAsync(ct);
        try
        {
            await channel.BasicPublishAsync(connections.Topology.Exchange, envelope.Type, mandatory: false, RabbitMqMessage.Properties(envelope), RabbitMqMessage.Body(envelope), ct);
        }
        catch (PublishException ex)
        {
            // The broker refused this message (a nack): an attempt that failed, retried by the relay.
            throw new InvalidOperationException($"The broker did not confirm event {envelope.EventId}.", ex);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            throw new TransportUnavailableException("The connection to RabbitMQ was lost while publishing.", ex);
        }
        finally
        {
            _publish.Release();
        }
        return Delivery.Complete;
    }

    /// <summary>For the health check: connects now if not connected, ignoring the backoff.</summary>
    public async Task CheckAsync(CancellationToken ct) => await ChannelAsync(force: true, ct);

    private async Task<IChannel> ChannelAsync(bool force, CancellationToken ct)
    {
        if (_channel is { IsOpen: true } open) return open;
        await _gate.WaitAsync(ct);
        try
        {
            if (_channel is { IsOpen: true } again) return again;
            if (!force && clock.GetUtcNow().UtcDateTime < _nextAttempt) throw new TransportUnavailableException("RabbitMQ is unreachable; the next connection attempt is pending.");
            await DropAsync();
            try
            {
                _connection = await connections.ConnectAsync("publisher", ct);
                _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
                await connections.Topology.DeclareExchangeAsync(_channel, ct);
                if (_failures > 0) logger.LogInformation("Connected to RabbitMQ again after {Failures} failed attempt(s)", _failures);
                _failures = 0;
                return _channel;
            }
            catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException or TimeoutException)
            {
                _failures++;
                _nextAttempt = clock.GetUtcNow().UtcDateTime + RabbitMqConnections.Backoff(_failures);
                await DropAsync();
                throw new TransportUnavailableException($"RabbitMQ is unreachable: {ex.Message}", ex);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropAsync()
    {
        var (channel, connection) = (_channel, _connection);
        (_channel, _connection) = (null, null);
        try
        {
            if (channel is not null) await channel.DisposeAsync();
            if (connection is { IsOpen: true }) await connection.CloseAsync();
            if (connection is not null) await connection.DisposeAsync();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        _gate.Dispose();
        _publish.Dispose();
    }
}
