using Mono.Cecil;

namespace TrackStack.ArchitectureTests;

public sealed class ConventionTests
{
    public static TheoryData<string> Modules => new(Solution.Modules);

    /// <summary>A module's public surface is its Add/Map class, its operator commands and the request and
    /// response shapes of its API. Everything else is internal.</summary>
    [Theory]
    [MemberData(nameof(Modules))]
    public void Only_the_module_entry_point_and_api_shapes_are_public(string module)
    {
        var offenders = Solution.Load($"TrackStack.{module}").MainModule.Types
            .Where(t => t.IsPublic && !IsCompilerGenerated(t))
            .Where(t => t.Name != $"{module}Module"
                        && !t.Name.EndsWith("Request", StringComparison.Ordinal)
                        && !t.Name.EndsWith("Response", StringComparison.Ordinal)
                        && !t.Namespace.EndsWith(".Cli", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(offenders.Count == 0, "Make these internal: " + string.Join(", ", offenders));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Concrete_classes_are_sealed(string module)
    {
        var open = Solution.Load($"TrackStack.{module}").MainModule.Types
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !IsCompilerGenerated(t) && t.BaseType?.FullName != "System.MulticastDelegate")
            .Select(t => t.FullName)
            .ToList();
        Assert.True(open.Count == 0, "Seal these classes: " + string.Join(", ", open));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_module_ships_migrations_for_both_providers(string module)
    {
        var resources = Solution.Load($"TrackStack.{module}").MainModule.Resources.Select(r => r.Name).ToList();
        Assert.Contains(resources, r => r.Contains(".Migrations.sqlite.0001_", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.Contains(".Migrations.postgres.0001_", StringComparison.Ordinal));
        Assert.Equal(resources.Count(r => r.Contains(".sqlite.", StringComparison.Ordinal)), resources.Count(r => r.Contains(".postgres.", StringComparison.Ordinal)));
    }

    private static bool IsCompilerGenerated(TypeDefinition t) =>
        t.Name.StartsWith('<') || t.CustomAttributes.Any(a => a.AttributeType.Name == "CompilerGeneratedAttribute");
}
