namespace TrackStack.Heating;

/// <summary>How figures and names of the analysis appear in responses.</summary>
internal static class ResponseFormat
{
    /// <summary>Rounds for display: measured quantities do not need 15 digits.</summary>
    public static double R(double value, int digits = 3) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    public static double? R(double? value, int digits = 3) => value is { } v ? R(v, digits) : null;

    /// <summary>An enum member's wire name: BaseloadAndHdd → baseloadAndHdd.</summary>
    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
