namespace TrackStack.Households;

internal static class SettingsValidation
{
    /// <summary>Validates a settings request; missing optional fields (creation) fall back to the defaults given.</summary>
    public static FieldErrors Check(HouseholdSettingsRequest r, bool requireAll)
    {
        var errors = new FieldErrors();
        Field(errors, "name", r.Name, HouseholdSettingsRules.CheckName, true);
        Field(errors, "timeZone", r.TimeZone, HouseholdSettingsRules.CheckTimeZone, requireAll);
        Field(errors, "currency", r.Currency, HouseholdSettingsRules.CheckCurrency, requireAll);
        Field(errors, "locale", r.Locale, HouseholdSettingsRules.CheckLocale, requireAll);
        return errors;
    }

    private static void Field(FieldErrors errors, string name, string? value, Func<string?, string?> rule, bool required)
    {
        if (value is null && !required) return;
        if (rule(value) is { } message) errors.Add(name, message);
    }
}
