namespace TrackStack.Expenses;

/// <summary>Reads an enum from one of its names only. Enum.TryParse also takes digits, so kind=99 listed nothing
/// instead of answering a 400, and frequency "1" meant whatever value 1 happens to be.</summary>
internal static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var name = text?.Trim();
        return !string.IsNullOrEmpty(name) && Enum.GetNames<T>().Contains(name, StringComparer.OrdinalIgnoreCase) && Enum.TryParse(name, true, out value);
    }
}
