namespace TrackStack.BuildingBlocks.Persistence;

/// <summary>A row that belongs to one household. Every query of a <see cref="HouseholdDbContext"/> sees only the
/// rows of the household in scope, and saving a row of another household fails.</summary>
public interface IHouseholdOwned
{
    Guid HouseholdId { get; }
}

/// <summary>The household this unit of work acts for (one per DI scope). The household route filter enters it
/// for a request after checking membership; the messaging worker enters it for an event that names a
/// household; a background job enters it per household it works on. Outside any household, queries of household
/// data return nothing, so a forgotten scope shows at once instead of leaking another household's rows.</summary>
public sealed class HouseholdScope
{
    public Guid? Current { get; private set; }

    /// <summary>Acts for <paramref name="householdId"/> until the returned handle is disposed (then the previous
    /// scope is back). A request enters once and never leaves.</summary>
    public IDisposable Enter(Guid householdId)
    {
        if (householdId == Guid.Empty) throw new ArgumentException("A household scope needs a household id.", nameof(householdId));
        var previous = Current;
        Current = householdId;
        return new Exit(this, previous);
    }

    private sealed class Exit(HouseholdScope scope, Guid? previous) : IDisposable
    {
        public void Dispose() => scope.Current = previous;
    }
}
