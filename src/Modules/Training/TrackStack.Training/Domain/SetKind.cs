namespace TrackStack.Training.Domain;

/// <summary>A set's role: warm-ups count for neither records nor volume; working, drop and failure sets count.</summary>
internal enum SetKind
{
    Working,
    WarmUp,
    Drop,
    Failure,
}

internal static class SetKinds
{
    public static string Wire(this SetKind kind) => kind switch
    {
        SetKind.WarmUp => "warmUp",
        SetKind.Drop => "drop",
        SetKind.Failure => "failure",
        _ => "working",
    };

    public static SetKind? Parse(string? text) => text switch
    {
        null or "working" => SetKind.Working,
        "warmUp" => SetKind.WarmUp,
        "drop" => SetKind.Drop,
        "failure" => SetKind.Failure,
        _ => null,
    };

    public static bool Counts(this SetKind kind) => kind != SetKind.WarmUp;
}
