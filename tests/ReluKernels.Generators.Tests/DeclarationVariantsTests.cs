using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReluKernels.Generators.Tests;

/// <summary>One declaration the compiler accepts (or rejects on its own), built from independent choices.</summary>
/// <param name="Namespace">Opening text of the namespace scope, or empty for the global namespace.</param>
/// <param name="NamespaceClose">Text that closes it.</param>
/// <param name="Container">Opening text of an enclosing type, or empty.</param>
/// <param name="Type">The annotated declaration after its attribute, with <c>{0}</c> for the type name.</param>
/// <param name="Name">The type name as written.</param>
/// <param name="Attribute">The attribute list, with its own using directives before a <c>|</c>.</param>
/// <param name="SecondPart">A second partial declaration in its own file (same scopes), or empty.</param>
/// <param name="ExpectedRk">Whether an RK error is expected (the declaration cannot hold kernels).</param>
public sealed record DeclarationVariant(string Namespace, string NamespaceClose, string Container, string Type, string Name,
    string Attribute, string SecondPart, bool ExpectedRk)
{
    public string[] Sources()
    {
        string[] parts = Attribute.Split('|');
        string usings = "using ReluKernels;\n" + parts[0];
        string Wrap(string body) =>
            $"{usings}\n{Namespace}\n{(Container.Length > 0 ? Container + "\n{\n" : "")}{body}\n{(Container.Length > 0 ? "}\n" : "")}{NamespaceClose}";
        var first = Wrap($"{parts[1]}\n{Type.Replace("{0}", Name, StringComparison.Ordinal)}");
        return SecondPart.Length == 0 ? [first] : [first, Wrap(SecondPart.Replace("{0}", Name, StringComparison.Ordinal))];
    }

    public override string ToString() => string.Join("\n// ---\n", Sources());
}

/// <summary>
/// A table of declaration variants (keyword names, nesting, every namespace form, records, accessibility, partial splits,
/// attribute spellings and aliases, multi-line attributes), each checked for the generator's contract: an RK error
/// exactly when the declaration cannot hold kernels; otherwise one file whose kernels land on the annotated type and
/// compile; never a generator exception (CS8785/CS8784); and never a compiler error the user's source alone does not
/// have. Choices are combined by a fixed-seed draw, the first rows taking each choice in turn so every choice is used.
/// </summary>
public class DeclarationVariantsTests
{
    private static readonly (string Open, string Close)[] Namespaces =
    [
        ("", ""),
        ("namespace Demo;", ""),
        ("namespace Demo {", "}"),
        ("namespace A { namespace B {", "} }"),
        ("namespace A.B.C;", ""),
        ("namespace @event;", ""),
        ("namespace @class.@record {", "}"),
    ];

    /// <summary>Enclosing type, and whether it makes the declaration unsupported.</summary>
    private static readonly (string Open, bool Bad)[] Containers =
    [
        ("", false),
        ("public partial class Outer", false),
        ("internal static partial class Outer", false),
        ("public partial record Outer", false),
        ("public readonly partial record struct Outer", false),
        ("public partial interface IOuter", false),
        ("public abstract partial class @class", false),
        ("public partial class Generic<T>", true),
        ("public class Plain", true),
        ("file partial class FileOuter", true),
    ];

    /// <summary>The annotated declaration (access modifiers come from the container choice), and whether it is unsupported.</summary>
    private static readonly (string Type, bool Bad)[] Types =
    [
        ("public partial struct {0};", false),
        ("internal sealed partial class {0} { }", false),
        ("public abstract partial class {0};", false),
        ("public readonly partial struct {0};", false),
        ("public partial record struct {0};", false),
        ("public readonly partial record struct {0}(int Tag);", false),
        ("public partial record class {0};", false),
        ("public sealed partial record {0}(double Scale);", false),
        ("partial struct {0} { public int Field; }", false),
        ("public ref partial struct {0};", true),
        ("public static partial class {0};", true),
        ("public partial interface {0};", true),
        ("file partial struct {0};", true),
        ("public struct {0};", true),
    ];

    private static readonly string[] Names = ["Net", "@struct", "@int", "@record", "@var", "Nét", "Net_2"];

    /// <summary>Using directives for the attribute, a <c>|</c>, then the attribute list.</summary>
    private static readonly string[] Attributes =
    [
        "|[NetworkShape(2, 1)]",
        "|[NetworkShapeAttribute(2, 2, InputDim = 2)]",
        "|[global::ReluKernels.NetworkShape(depth: 1, width: 2)]",
        "using NS = ReluKernels.NetworkShapeAttribute;\n|[NS(2, 1, OutputDim = 2)]",
        "using RK = ReluKernels;\n|[RK.NetworkShape(OutputDim = 2, width: 1, depth: 2, Bias = false)]",
        "|[NetworkShape(\n    2,\n    // depth\n    1,\n    ElementType = ElementType.Double)]",
        "|[System.Serializable, NetworkShape(1, 1)]",
        "|[NetworkShape(2, 1)][System.Serializable]",
    ];

    /// <summary>A second partial part, and whether it makes the declaration unsupported (a repeated attribute).</summary>
    private static readonly (string Part, bool Bad)[] SecondParts =
    [
        ("", false),
        ("partial struct {0} { }", false),
        ("[NetworkShape(3, 1)] partial struct {0};", true),
    ];

    private static readonly DeclarationVariant[] All = Build();

    /// <summary>Row numbers (the variants themselves are not serializable test data).</summary>
    public static TheoryData<int> Rows => [.. Enumerable.Range(0, All.Length)];

    private static DeclarationVariant[] Build()
    {
        var random = new Random(20250611);
        var data = new List<DeclarationVariant>();
        for (int row = 0; row < 70; row++)
        {
            int Pick(int count) => row < count ? row : random.Next(count);
            var ns = Namespaces[Pick(Namespaces.Length)];
            var container = Containers[Pick(Containers.Length)];
            var type = Types[Pick(Types.Length)];
            string name = Names[Pick(Names.Length)];
            string attribute = Attributes[Pick(Attributes.Length)];
            var second = SecondParts[Pick(SecondParts.Length)];
            // The second part must use the declaration's own kind, or the compiler rejects the split for reasons of its own.
            string secondPart = second.Part.Length == 0 ? "" : second.Part.Replace("partial struct", KindOf(type.Type), StringComparison.Ordinal);
            bool bad = container.Bad || type.Bad || second.Bad;
            data.Add(new DeclarationVariant(ns.Open, ns.Close, container.Open, type.Type, name, attribute, secondPart, bad));
        }
        return [.. data];
    }

    private static string KindOf(string type) =>
        type.Contains("record struct", StringComparison.Ordinal) ? "partial record struct"
        : type.Contains("record", StringComparison.Ordinal) ? "partial record"
        : type.Contains("interface", StringComparison.Ordinal) ? "partial interface"
        : type.Contains("class", StringComparison.Ordinal) ? "partial class"
        : type.Contains("ref ", StringComparison.Ordinal) ? "ref partial struct"
        : type.StartsWith("file", StringComparison.Ordinal) ? "file partial struct"
        : "partial struct";

    [Theory]
    [MemberData(nameof(Rows))]
    public void Declaration_GetsAnRkErrorOrCompilingKernelsOnItself(int row)
    {
        var variant = All[row];
        TestContext.Current.TestOutputHelper?.WriteLine(variant.ToString());
        var run = GeneratorHarness.Run(variant.Sources());
        var cancellation = TestContext.Current.CancellationToken;
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784");

        var rkErrors = run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("RK", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(variant.ExpectedRk == rkErrors.Length > 0,
            $"expected {(variant.ExpectedRk ? "an RK error" : "no RK error")}, got [{string.Join(", ", run.GeneratorDiagnostics)}] for\n{variant}");
        if (variant.ExpectedRk)
            Assert.Empty(run.GeneratedSources);
        else
            AssertKernelsOnTheAnnotatedType(run, variant, cancellation);

        // Whatever happened, the generated code adds no error to the ones the user's source has on its own.
        var own = run.Input.GetDiagnostics(cancellation).Where(d => d.Severity == DiagnosticSeverity.Error).Select(Key).ToHashSet();
        var added = run.Output.GetDiagnostics(cancellation).Where(d => d.Severity == DiagnosticSeverity.Error && !own.Contains(Key(d))).ToArray();
        Assert.True(added.Length == 0, $"errors the generated code added:\n{string.Join("\n", added.Take(5))}\nfor\n{variant}");
    }

    private static (string, string, Microsoft.CodeAnalysis.Text.TextSpan) Key(Diagnostic d) =>
        (d.Id, d.Location.SourceTree?.FilePath ?? "", d.Location.SourceSpan);

    /// <summary>One generated file, and the annotated type (not some other type of the same name) implements IReluNetwork.</summary>
    private static void AssertKernelsOnTheAnnotatedType(GeneratorRun run, DeclarationVariant variant, CancellationToken cancellation)
    {
        Assert.True(run.GeneratedSources.Length == 1, $"{run.GeneratedSources.Length} files generated for\n{variant}");
        var tree = run.Output.SyntaxTrees.First();
        var declaration = tree.GetRoot(cancellation).DescendantNodes().OfType<TypeDeclarationSyntax>().Last(t => t.AttributeLists.Count > 0);
        var symbol = run.Output.GetSemanticModel(tree).GetDeclaredSymbol(declaration, cancellation);
        Assert.NotNull(symbol);
        Assert.True(symbol.AllInterfaces.Any(i => i.ToDisplayString().StartsWith("ReluKernels.IReluNetwork<", StringComparison.Ordinal)),
            $"{symbol} does not implement IReluNetwork:\n{variant}");
        Assert.Contains(symbol.GetMembers(), m => m.Name == "ForwardNetworks");
    }
}
