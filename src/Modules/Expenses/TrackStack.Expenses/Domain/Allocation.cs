namespace TrackStack.Expenses.Domain;

internal enum AllocationStatus
{
    Complete,
    Unassigned,
    Over,
}

internal static class Allocation
{
    public static AllocationStatus StatusOf(decimal totalPercent) =>
        totalPercent == 100m ? AllocationStatus.Complete : totalPercent < 100m ? AllocationStatus.Unassigned : AllocationStatus.Over;
}
