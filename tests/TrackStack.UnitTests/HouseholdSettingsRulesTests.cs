using TrackStack.Households.Domain;

namespace TrackStack.UnitTests;

public sealed class HouseholdSettingsRulesTests
{
    [Theory]
    [InlineData("Europe/Brussels", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("Romance Standard Time", false)] // Windows names are not IANA names
    [InlineData("", false)]
    public void Time_zones_are_IANA_names(string zone, bool valid) =>
        Assert.Equal(valid, HouseholdSettingsRules.CheckTimeZone(zone) is null);

    [Theory]
    [InlineData("EUR", true)]
    [InlineData("USD", true)]
    [InlineData("CHF", true)]
    [InlineData("eur", false)]
    [InlineData("EURO", false)]
    [InlineData("XYZ", false)]
    public void Currencies_are_ISO_4217(string code, bool valid) =>
        Assert.Equal(valid, HouseholdSettingsRules.CheckCurrency(code) is null);

    [Theory]
    [InlineData("en-GB", true)]
    [InlineData("fr-BE", true)]
    [InlineData("nl", true)]
    [InlineData("xx-NOPE", false)]
    [InlineData("", false)]
    public void Locales_must_be_known(string locale, bool valid) =>
        Assert.Equal(valid, HouseholdSettingsRules.CheckLocale(locale) is null);
}
