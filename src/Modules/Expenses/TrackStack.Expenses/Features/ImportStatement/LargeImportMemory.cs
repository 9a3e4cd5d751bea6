namespace TrackStack.Expenses.Features.ImportStatement;

/// <summary>A large import leaves a few hundred megabytes of dead objects in the oldest generation. An idle server
/// allocates too little to trigger the full collection that would free them, so the process kept that memory for
/// good (ADR 0011). After the answer of a large import is sent, one background full collection gives it back.</summary>
internal static class LargeImportMemory
{
    /// <summary>About 1 MB of CSV: below it the garbage is small and the usual collections take care of it.</summary>
    public const int Rows = 20_000;

    public static void ReleaseWhenDone(HttpResponse response, int rows)
    {
        if (rows < Rows) return;
        response.OnCompleted(static () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return Task.CompletedTask;
        });
    }
}
