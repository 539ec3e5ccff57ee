using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ReluKernels.Generators.Tests;

/// <summary>
/// The pipeline is incremental in fact, not just in name: a second run on an equivalent compilation reuses every step,
/// edits that do not touch a shape leave its spec (and so its source) alone, a width change regenerates it, and no
/// step output holds a compilation, symbol, syntax node, syntax tree or location (which would root old compilations
/// and break the cache).
/// </summary>
public class IncrementalityTests
{
    private const string Source = """
        using ReluKernels;
        namespace Demo;

        [NetworkShape(4, 3, InputDim = 2)] public partial struct Small;
        [NetworkShape(40, 2)] public partial struct Wide;
        [NetworkShape(0, 2)] public partial struct Broken;
        public partial class Outer { [NetworkShape(2, 2, ElementType = ElementType.Double)] public partial record struct Inner; }
        """;

    /// <summary>Every tracking name, read from the <see cref="TrackingNames"/> constants so a new step is not forgotten.</summary>
    private static readonly string[] AllTrackingNames =
    [
        .. typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    private static IncrementalStepRunReason[] Reasons(GeneratorRun run, string step) =>
        [.. run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason)];

    private static GeneratorRun RunTwice(Func<CSharpCompilation, CSharpCompilation> edit, out GeneratorRun first)
    {
        first = GeneratorHarness.Run(Source);
        return GeneratorHarness.Run(first.Driver, edit(first.Input));
    }

    [Fact]
    public void TrackingNames_AreTheOnesThePipelineUses()
    {
        var run = GeneratorHarness.Run(Source);
        Assert.Equal(AllTrackingNames.Order(), run.Result.TrackedSteps.Keys.Where(AllTrackingNames.Contains).Order());
        Assert.Equal(["Diagnostics", "Parse", "Specs"], AllTrackingNames.Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SecondRun_OnTheSameOrAClonedCompilation_IsCachedEverywhere(bool clone)
    {
        var second = RunTwice(c => clone ? c.Clone() : c, out var first);
        foreach (string step in AllTrackingNames)
        {
            var reasons = Reasons(second, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step}: {r}"));
            // Equal outputs, not just equal reasons.
            Assert.Equal(first.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value),
                second.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value));
        }
        Assert.All(second.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void AddingAnUnrelatedFile_KeepsEverySpec()
    {
        var second = RunTwice(c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Demo; public static class Unrelated { public static int Answer => 42; }",
            GeneratorHarness.ParseOptions, path: "Unrelated.cs")), out _);
        Assert.All(Reasons(second, TrackingNames.Specs), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r}"));
        Assert.All(Reasons(second, TrackingNames.Parse), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r}"));
        Assert.Equal(3, Reasons(second, TrackingNames.Specs).Length);
    }

    [Fact]
    public void AddingAComment_KeepsEverySpec_ButMovesTheDiagnostics()
    {
        var second = RunTwice(c => Replace(c, Source.Replace("namespace Demo;", "namespace Demo;\n// A comment that shifts every declaration down.")), out var first);
        var specs = Reasons(second, TrackingNames.Specs);
        Assert.Equal(3, specs.Length);
        Assert.All(specs, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r}"));
        // Diagnostics carry positions, so theirs are new (and point at the moved lines); the specs above do not.
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, TrackingNames.Diagnostics));
        Assert.Equal(
            first.GeneratorDiagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1),
            second.GeneratorDiagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void AddingMembersToTheType_KeepsItsSpec()
    {
        var second = RunTwice(c => Replace(c, Source.Replace("partial struct Small;", "partial struct Small { public int Tag; }")), out _);
        Assert.All(Reasons(second, TrackingNames.Specs), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r}"));
    }

    [Fact]
    public void ChangingTheWidth_ModifiesOnlyThatSpec()
    {
        var second = RunTwice(c => Replace(c, Source.Replace("[NetworkShape(4, 3,", "[NetworkShape(5, 3,")), out var first);
        var specs = Reasons(second, TrackingNames.Specs);
        Assert.Equal(1, specs.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, specs.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var before = first.GeneratedSources.Single(s => s.HintName.StartsWith("Demo.Small.", StringComparison.Ordinal)).Text;
        var after = second.GeneratedSources.Single(s => s.HintName.StartsWith("Demo.Small.", StringComparison.Ordinal)).Text;
        Assert.Contains("public const int Width = 4;", before);
        Assert.Contains("public const int Width = 5;", after);
    }

    [Fact]
    public void FixingAnError_AddsASpec()
    {
        var second = RunTwice(c => Replace(c, Source.Replace("[NetworkShape(0, 2)]", "[NetworkShape(1, 2)]")), out var first);
        Assert.Equal(3, first.GeneratedSources.Length);
        Assert.Equal(4, second.GeneratedSources.Length);
        Assert.Contains(IncrementalStepRunReason.New, Reasons(second, TrackingNames.Specs));
        Assert.DoesNotContain(second.GeneratorDiagnostics, d => d.Id == "RK0003");
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string newText)
    {
        var old = compilation.SyntaxTrees.Single();
        return compilation.ReplaceSyntaxTree(old, old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newText)));
    }

    [Fact]
    public void StepOutputs_HoldNoRoslynObjects()
    {
        var run = GeneratorHarness.Run(Source);
        int walked = 0;
        foreach (string step in AllTrackingNames)
        {
            foreach (var output in run.Result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                var found = FindForbidden(output.Value, $"{step}", out int count);
                walked += count;
                Assert.True(found is null, $"step {step} output reaches {found}");
            }
        }
        // The walk did reach into the models (specs, hierarchies, diagnostic infos), not just the top-level values.
        Assert.True(walked > 50, $"walked only {walked} objects");
    }

    [Fact]
    public void ObjectGraphWalk_FindsARoslynObject()
    {
        // The walk itself must be able to fail: hide a location, a syntax tree and a symbol inside ordinary objects.
        var compilation = GeneratorHarness.Compilation("class C { }");
        var tree = compilation.SyntaxTrees.Single();
        Assert.Contains("Location", FindForbidden(new object[] { 1, ("x", new List<object> { tree.GetRoot(TestContext.Current.CancellationToken).GetLocation() }) }, "root", out _));
        Assert.Contains("SyntaxTree", FindForbidden(new Dictionary<string, object> { ["k"] = tree }, "root", out _));
        Assert.Contains("Symbol", FindForbidden(new KeyValuePair<int, object>(1, compilation.GetTypeByMetadataName("C")!), "root", out _));
        Assert.Contains("Compilation", FindForbidden(new Holder(new Holder(compilation)), "root", out _));
        Assert.Null(FindForbidden(new Holder(new Holder("text")), "root", out _));
    }

    private sealed record Holder(object Value);

    private static readonly Type[] Forbidden = [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location)];

    /// <summary>
    /// Walks every field reachable from <paramref name="root"/> (boxed structs included, cycles guarded) and returns the
    /// path to the first object whose type is one of <see cref="Forbidden"/>, or null.
    /// </summary>
    private static string? FindForbidden(object? root, string rootPath, out int count)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Path)>();
        count = 0;
        if (root is not null)
            pending.Push((root, rootPath));
        while (pending.Count > 0)
        {
            var (value, path) = pending.Pop();
            var type = value.GetType();
            if (Forbidden.FirstOrDefault(f => f.IsAssignableFrom(type)) is { } forbidden)
                return $"{path} ({type.FullName}, a {forbidden.Name})";
            if (type.IsPrimitive || type.IsEnum || type.IsPointer || value is string or decimal or Type or Delegate || !seen.Add(value))
                continue;
            count++;
            if (value is Array array)
            {
                int i = 0;
                foreach (object? element in array)
                {
                    if (element is not null)
                        pending.Push((element, $"{path}[{i}]"));
                    i++;
                }
                continue;
            }
            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                        continue;
                    if (field.GetValue(value) is { } child)
                        pending.Push((child, $"{path}.{field.Name}"));
                }
            }
        }
        return null;
    }
}
