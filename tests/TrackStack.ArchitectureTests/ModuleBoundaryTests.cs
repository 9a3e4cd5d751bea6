namespace TrackStack.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> Modules => new(Solution.Modules);

    [Fact]
    public void The_solution_has_the_expected_modules() =>
        Assert.Equal(["Dashboards", "Expenses", "Heating", "Households", "Identity", "Metrics", "Nutrition", "Reports", "Training"], Solution.Modules);

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_only_building_blocks_and_contracts(string module)
    {
        var forbidden = Solution.TrackStackReferences($"TrackStack.{module}")
            .Where(r => r != "TrackStack.BuildingBlocks" && !r.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();
        Assert.True(forbidden.Count == 0, $"TrackStack.{module} references module internals: {string.Join(", ", forbidden)}");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_depend_on_nothing_but_building_blocks(string module)
    {
        var path = Path.Combine(AppContext.BaseDirectory, $"TrackStack.{module}.Contracts.dll");
        if (!File.Exists(path)) return; // a module whose events nobody consumes has no Contracts project
        Assert.All(Solution.TrackStackReferences($"TrackStack.{module}.Contracts"), r => Assert.Equal("TrackStack.BuildingBlocks", r));
    }

    [Fact]
    public void Building_blocks_know_no_module() =>
        Assert.Empty(Solution.TrackStackReferences("TrackStack.BuildingBlocks"));

    /// <summary>The gateway's routes come from the catalogue the host hands it, not from module code (ADR 32).</summary>
    [Fact]
    public void The_gateway_knows_no_module() =>
        Assert.Equal(["TrackStack.BuildingBlocks"], Solution.TrackStackReferences("TrackStack.Gateway"));
}
