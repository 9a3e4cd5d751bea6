namespace TrackStack.Metrics.Domain;

/// <summary>What one evaluation does to a rule.</summary>
internal enum AlertStep
{
    None,
    Fire,
    Resolve,
}

/// <summary>The hysteresis of every rule kind: fire on the first evaluation with the condition true while Ok;
/// resolve only after the condition has been false on two consecutive evaluations; never fire again while firing.
/// A true evaluation while firing starts the count of false ones again.</summary>
internal static class Hysteresis
{
    public const int ClearEvaluationsToResolve = 2;

    public static (AlertStep Step, int ClearEvaluations) Next(AlertState state, int clearEvaluations, bool condition)
    {
        if (state == AlertState.Ok) return (condition ? AlertStep.Fire : AlertStep.None, 0);
        if (condition) return (AlertStep.None, 0);
        var clear = clearEvaluations + 1;
        return clear >= ClearEvaluationsToResolve ? (AlertStep.Resolve, 0) : (AlertStep.None, clear);
    }
}
