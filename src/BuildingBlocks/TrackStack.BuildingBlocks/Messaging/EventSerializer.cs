using System.Text.Json;

namespace TrackStack.BuildingBlocks.Messaging;

internal static class EventSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(IIntegrationEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    public static object Deserialize(string payload, Type type) =>
        JsonSerializer.Deserialize(payload, type, Options) ?? throw new JsonException($"Empty payload for {type.Name}.");
}
