using System.Text;
using RabbitMQ.Client;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.BuildingBlocks.Messaging.RabbitMq;

namespace TrackStack.UnitTests;

public sealed class RabbitMqTransportRulesTests
{
    private static List<string> Errors(MessagingOptions messaging) =>
        new TrackStackOptionsValidator().Validate(null, new TrackStackOptions { Messaging = messaging }).Failures?.ToList() ?? [];

    [Fact]
    public void RabbitMq_needs_an_amqp_uri_and_other_transports_are_refused()
    {
        Assert.Contains(Errors(new MessagingOptions { Transport = "RabbitMq" }), e => e.StartsWith("TrackStack__Messaging__RabbitMq__ConnectionString", StringComparison.Ordinal));
        Assert.Contains(Errors(new MessagingOptions { Transport = "rabbitmq", RabbitMq = new RabbitMqOptions { ConnectionString = "http://broker:5672/" } }),
            e => e.StartsWith("TrackStack__Messaging__RabbitMq__ConnectionString", StringComparison.Ordinal));
        Assert.Contains(Errors(new MessagingOptions { Transport = "Kafka" }), e => e.Contains("use InProcess or RabbitMq", StringComparison.Ordinal));
        Assert.Empty(Errors(new MessagingOptions { Transport = "RabbitMq", RabbitMq = new RabbitMqOptions { ConnectionString = "amqp://u:p@broker:5672/" } }));
        // The connection string matters only with the broker: the monolith's defaults stay valid.
        Assert.Empty(Errors(new MessagingOptions()));
    }

    [Fact]
    public void An_envelope_survives_the_trip_through_amqp_properties()
    {
        var sent = new EventEnvelope(Guid.NewGuid(), "identity.user-registered.v1", """{"userId":"x"}""", new DateTime(2026, 12, 3, 13, 40, 1, 123, DateTimeKind.Utc), "identity",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var properties = RabbitMqMessage.Properties(sent);
        Assert.Equal(DeliveryModes.Persistent, properties.DeliveryMode);

        var received = RabbitMqMessage.ToEnvelope(OnTheWire(properties), RabbitMqMessage.Body(sent).Span);
        Assert.Equal(sent, received);
        Assert.Equal(0, RabbitMqMessage.Attempts(properties));
        Assert.Equal(3, RabbitMqMessage.Attempts(RabbitMqMessage.WithAttempts(properties, 3)));
    }

    [Fact]
    public void A_message_without_an_event_id_or_type_is_not_an_event()
    {
        Assert.Throws<FormatException>(() => RabbitMqMessage.ToEnvelope(new BasicProperties { Type = "x.y.v1" }, "{}"u8));
        Assert.Throws<FormatException>(() => RabbitMqMessage.ToEnvelope(new BasicProperties { MessageId = Guid.NewGuid().ToString() }, "{}"u8));
    }

    [Fact]
    public void Broker_names_derive_from_the_exchange_and_the_module()
    {
        var topology = new RabbitMqTopology("trackstack");
        Assert.Equal(("trackstack.households", "trackstack.households.dlx", "trackstack.households.dead", "trackstack.unrouted"),
            (topology.Queue("households"), topology.DeadLetterExchange("households"), topology.DeadLetterQueue("households"), topology.Unrouted));
    }

    [Fact]
    public void Reconnection_backs_off_to_ten_seconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), RabbitMqConnections.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(1), RabbitMqConnections.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(10), RabbitMqConnections.Backoff(50));
    }

    /// <summary>The broker hands header strings back as bytes.</summary>
    private static BasicProperties OnTheWire(BasicProperties sent) => new(sent)
    {
        Headers = sent.Headers!.ToDictionary(h => h.Key, h => h.Value is string s ? (object?)Encoding.UTF8.GetBytes(s) : h.Value),
    };
}
