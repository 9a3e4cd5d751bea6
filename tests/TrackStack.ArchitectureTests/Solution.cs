using Mono.Cecil;

namespace TrackStack.ArchitectureTests;

/// <summary>The product's assemblies as built, read with Mono.Cecil (no reflection loading side effects).</summary>
internal static class Solution
{
    public static readonly string[] Modules = Directory.GetFiles(AppContext.BaseDirectory, "TrackStack.*.dll")
        .Select(Path.GetFileNameWithoutExtension)
        .Where(n => n is not null && !n.EndsWith(".Contracts", StringComparison.Ordinal) && !n.Contains("Tests", StringComparison.Ordinal)
                    && n is not "TrackStack.BuildingBlocks" and not "TrackStack.Host" and not "TrackStack.Gateway")
        .Select(n => n!["TrackStack.".Length..])
        .Order()
        .ToArray();

    public static AssemblyDefinition Load(string name) =>
        AssemblyDefinition.ReadAssembly(Path.Combine(AppContext.BaseDirectory, name + ".dll"));

    public static IEnumerable<string> TrackStackReferences(string assembly) =>
        Load(assembly).MainModule.AssemblyReferences.Select(r => r.Name).Where(n => n.StartsWith("TrackStack.", StringComparison.Ordinal));

    /// <summary>Every type a type uses: base and interfaces, fields, properties, signatures, attributes and the
    /// types and members its method bodies touch.</summary>
    public static IEnumerable<TypeReference> TypesUsedBy(TypeDefinition type)
    {
        if (type.BaseType is not null) yield return type.BaseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var a in type.CustomAttributes) yield return a.AttributeType;
        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
            foreach (var a in f.CustomAttributes) yield return a.AttributeType;
        }
        foreach (var p in type.Properties) yield return p.PropertyType;
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters) yield return p.ParameterType;
            foreach (var a in m.CustomAttributes) yield return a.AttributeType;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: yield return t; break;
                    case MethodReference mr:
                        yield return mr.DeclaringType;
                        yield return mr.ReturnType;
                        foreach (var p in mr.Parameters) yield return p.ParameterType;
                        break;
                    case FieldReference fr: yield return fr.DeclaringType; yield return fr.FieldType; break;
                }
            }
        }
        foreach (var nested in type.NestedTypes)
            foreach (var t in TypesUsedBy(nested)) yield return t;
    }

    /// <summary>The namespaces of a type reference, including generic arguments and element types.</summary>
    public static IEnumerable<string> Namespaces(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType g:
                foreach (var n in Namespaces(g.ElementType)) yield return n;
                foreach (var arg in g.GenericArguments)
                    foreach (var n in Namespaces(arg)) yield return n;
                yield break;
            case TypeSpecification spec:
                foreach (var n in Namespaces(spec.ElementType)) yield return n;
                yield break;
            case GenericParameter:
                yield break;
        }
        var declaring = type;
        while (declaring.DeclaringType is not null) declaring = declaring.DeclaringType;
        yield return declaring.Namespace;
    }
}
