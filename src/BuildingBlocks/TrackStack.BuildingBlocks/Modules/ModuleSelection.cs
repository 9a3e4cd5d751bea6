namespace TrackStack.BuildingBlocks.Modules;

/// <summary>Which modules this process runs: all of them (the monolith) or a subset (one service of the
/// distributed topology, started with --modules).</summary>
public sealed record ModuleSelection(IReadOnlyList<string> Started, bool IsSubset)
{
    public static ModuleSelection All(IReadOnlyList<string> modules) => new(modules, false);
}
