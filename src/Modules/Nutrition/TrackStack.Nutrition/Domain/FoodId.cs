namespace TrackStack.Nutrition.Domain;

/// <summary>How the API names a food: a built-in SR28 food is "sr28:" and its NDB number ("sr28:01123"), an
/// imported FoodData Central food "fdc:" and its FDC id ("fdc:171287"), a household food its UUID. One string, so a diary entry or an ingredient links to either kind.</summary>
internal static class FoodId
{
    public const string BuiltInPrefix = "sr28:";

    public const string ImportedPrefix = "fdc:";

    public static string OfBuiltIn(string code) => BuiltInPrefix + code;

    public static string OfImported(long fdcId) => ImportedPrefix + fdcId.ToString(CultureInfo.InvariantCulture);

    /// <summary>"fdc:171287" → 171287; false for anything else (TryParse answers false for these too).</summary>
    public static bool TryParseImported(string? text, out long fdcId)
    {
        fdcId = 0;
        if (text is null || !text.StartsWith(ImportedPrefix, StringComparison.Ordinal)) return false;
        var digits = text[ImportedPrefix.Length..];
        return digits.Length is >= 1 and <= 12 && digits.All(char.IsAsciiDigit) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out fdcId);
    }

    public static string OfHousehold(Guid id) => id.ToString();

    /// <summary>False for anything else: the caller answers it like an unknown food.</summary>
    public static bool TryParse(string? text, out string? builtInCode, out Guid householdFoodId)
    {
        builtInCode = null;
        householdFoodId = Guid.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 60) return false;
        if (text.StartsWith(BuiltInPrefix, StringComparison.Ordinal))
        {
            var code = text[BuiltInPrefix.Length..];
            if (code.Length is < 1 or > 8 || !code.All(char.IsAsciiDigit)) return false;
            builtInCode = code;
            return true;
        }
        return Guid.TryParse(text, out householdFoodId);
    }
}
