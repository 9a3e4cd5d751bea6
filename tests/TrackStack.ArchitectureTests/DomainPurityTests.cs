using Mono.Cecil;

namespace TrackStack.ArchitectureTests;

/// <summary>Domain code (rules and types under *.Domain) stays free of persistence and web frameworks.</summary>
public sealed class DomainPurityTests
{
    private static readonly string[] Forbidden = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite"];

    /// <summary>ASP.NET Core Identity's user type (package Microsoft.Extensions.Identity.Stores, no web or EF code)
    /// is the base of the account entity, so its namespace is allowed.</summary>
    private static readonly string[] Allowed = ["Microsoft.AspNetCore.Identity"];

    public static TheoryData<string> Modules => new(Solution.Modules);

    [Theory]
    [MemberData(nameof(Modules))]
    public void Domain_code_does_not_reference_ef_core_or_asp_net_core(string module)
    {
        var domain = Solution.Load($"TrackStack.{module}").MainModule.Types
            .Where(t => t.Namespace == $"TrackStack.{module}.Domain" || t.Namespace.StartsWith($"TrackStack.{module}.Domain.", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(domain);
        var violations = domain.SelectMany(t => Violations(t).Select(v => $"{t.FullName} uses {v}")).Distinct().ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_check_does_catch_framework_references()
    {
        // Guards the guard: infrastructure types are full of them.
        var db = Solution.Load("TrackStack.Households").MainModule.Types.Single(t => t.Name == "HouseholdsDb");
        Assert.Contains(Violations(db), v => v.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        var endpoint = Solution.Load("TrackStack.Identity").MainModule.Types.Single(t => t.Name == "SignIn");
        Assert.Contains(Violations(endpoint), v => v.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Violations(TypeDefinition type) =>
        Solution.TypesUsedBy(type)
            .SelectMany(Solution.Namespaces)
            .Where(ns => Forbidden.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)) && !Allowed.Contains(ns))
            .Distinct();
}
