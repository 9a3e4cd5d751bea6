using System.Text.RegularExpressions;
using Mono.Cecil;

namespace TrackStack.ArchitectureTests;

/// <summary>The one module template (docs/adding-a-module.md): a use case per feature folder, features that
/// do not lean on each other, entities in Domain/.</summary>
public sealed partial class TemplateTests
{
    public static TheoryData<string> Modules => new(Solution.Modules);

    /// <summary>A feature folder may use Domain/, Infrastructure/, the module root and BuildingBlocks, never
    /// another feature folder: what two features share moves to the module root or Domain/.</summary>
    [Theory]
    [MemberData(nameof(Modules))]
    public void A_feature_uses_no_other_features_types(string module)
    {
        var violations = FeatureViolations(Solution.Load($"TrackStack.{module}"), module);
        Assert.True(violations.Count == 0, "Move what these share to the module root or Domain/:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_feature_check_does_catch_a_feature_using_another()
    {
        // Guards the guard: a module built in memory whose feature A calls feature B.
        var assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition("TrackStack.Fake", new Version(1, 0)), "TrackStack.Fake", ModuleKind.Dll);
        var main = assembly.MainModule;
        var b = new TypeDefinition("TrackStack.Fake.Features.DoB", "DoB", TypeAttributes.Class | TypeAttributes.Sealed, main.TypeSystem.Object);
        var a = new TypeDefinition("TrackStack.Fake.Features.DoA", "DoA", TypeAttributes.Class | TypeAttributes.Sealed, main.TypeSystem.Object);
        a.Fields.Add(new FieldDefinition("b", FieldAttributes.Private, b));
        main.Types.Add(a);
        main.Types.Add(b);
        Assert.Contains(FeatureViolations(assembly, "Fake"), v => v.Contains("DoA uses TrackStack.Fake.Features.DoB", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Feature_folders_are_named_verb_noun(string module)
    {
        var prefix = $"TrackStack.{module}.Features.";
        var badNames = Solution.Load($"TrackStack.{module}").MainModule.Types
            .Where(t => t.Namespace.StartsWith(prefix, StringComparison.Ordinal))
            .Select(t => t.Namespace[prefix.Length..].Split('.')[0])
            .Distinct()
            .Where(n => !VerbNoun().IsMatch(n))
            .ToList();
        Assert.True(badNames.Count == 0, "Name feature folders for their use case, verb first (RecordExpense, LogRefill): " + string.Join(", ", badNames));
        Assert.DoesNotContain(Solution.Load($"TrackStack.{module}").MainModule.Types, t => t.Namespace == $"TrackStack.{module}.Features");
    }

    /// <summary>Every type the module's DbContext maps (its DbSet properties) lives in Domain/.</summary>
    [Theory]
    [MemberData(nameof(Modules))]
    public void Entities_live_in_domain(string module)
    {
        var types = Solution.Load($"TrackStack.{module}").MainModule.Types;
        var contexts = types.Where(t => t.Namespace == $"TrackStack.{module}.Infrastructure" && t.Name.EndsWith("Db", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(contexts);
        var misplaced = contexts.SelectMany(c => c.Properties)
            .Select(p => p.PropertyType)
            .OfType<GenericInstanceType>()
            .Where(g => g.ElementType.Name == "DbSet`1")
            .Select(g => g.GenericArguments[0])
            .Where(e => e.Namespace.StartsWith($"TrackStack.{module}", StringComparison.Ordinal) && e.Namespace != $"TrackStack.{module}.Domain")
            .Select(e => e.FullName)
            .ToList();
        Assert.True(misplaced.Count == 0, "Move these entities to Domain/: " + string.Join(", ", misplaced));
    }

    private static List<string> FeatureViolations(AssemblyDefinition assembly, string module)
    {
        var prefix = $"TrackStack.{module}.Features.";
        string? FeatureOf(string ns) => ns.StartsWith(prefix, StringComparison.Ordinal) ? ns[prefix.Length..].Split('.')[0] : null;
        var violations = new List<string>();
        foreach (var type in assembly.MainModule.Types)
        {
            var own = FeatureOf(type.Namespace);
            if (own is null) continue;
            foreach (var used in Solution.TypesUsedBy(type).SelectMany(Solution.Namespaces).Distinct())
            {
                var other = FeatureOf(used);
                if (other is not null && other != own) violations.Add($"{type.FullName} uses {used}");
            }
        }
        return violations.Distinct().ToList();
    }

    [GeneratedRegex("^[A-Z][a-z]+[A-Z][A-Za-z]*$")]
    private static partial Regex VerbNoun();
}
