using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>Refuses request objects whose text holds U+0000. PostgreSQL cannot store NUL in text (every such write
/// was a 500 there, while SQLite stored it), and no field has a use for it: a 400 at the door on both providers.
/// A contract modifier checks each object after it is read, so the converters, and the OpenAPI schemas generated
/// from them, stay the built-in ones (a custom string converter turned every string schema into "any").</summary>
internal static class NulFreeStrings
{
    public static void Check(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var texts = type.Properties
            .Where(p => p.Get is not null && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
            .ToArray();
        if (texts.Length == 0) return;
        var next = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            foreach (var p in texts)
            {
                var text = p.Get!(value);
                if (text is string s ? s.Contains('\0') : text is IEnumerable<string> list && list.Any(x => x?.Contains('\0') == true))
                {
                    throw new JsonException("Remove the NUL character (\\u0000).") { Data = { [BadRequestExceptionHandler.PropertyKey] = p.Name } };
                }
            }
            next?.Invoke(value);
        };
    }
}
