using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ReluKernels.Generators.Tests;

/// <summary>What one run of <see cref="NetworkShapeGenerator"/> produced.</summary>
/// <param name="Input">The compilation the generator ran on.</param>
/// <param name="Output">The input compilation plus the generated trees.</param>
/// <param name="Driver">The driver after the run, to run again for incrementality tests.</param>
/// <param name="GeneratedSources">Hint name → generated text.</param>
/// <param name="GeneratorDiagnostics">Diagnostics the generator reported (and CS8785 if it threw).</param>
internal sealed record GeneratorRun(
    CSharpCompilation Input,
    Compilation Output,
    GeneratorDriver Driver,
    ImmutableArray<(string HintName, string Text)> GeneratedSources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>The single generator's result (its exception, tracked steps and sources).</summary>
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>Errors and warnings of the output compilation (the user's source plus the generated source).</summary>
    public ImmutableArray<Diagnostic> OutputProblems =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    /// <summary>
    /// The source text a generator diagnostic points at. The generator rebuilds locations from file path and span (a
    /// <c>Location</c> must not be cached), so they are external-file locations: find the input tree by path.
    /// </summary>
    public string LocatedText(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(span.IsValid, $"{diagnostic.Id} has no location");
        var tree = Assert.Single(Input.SyntaxTrees, t => t.FilePath == span.Path);
        var text = tree.GetText();
        Assert.Equal(text.Lines.GetLinePositionSpan(diagnostic.Location.SourceSpan), span.Span);
        return text.ToString(diagnostic.Location.SourceSpan);
    }

    /// <summary>The one generated file; fails when there is not exactly one.</summary>
    public string SingleSource => Assert.Single(GeneratedSources).Text;
}

/// <summary>
/// Builds compilations from source text and runs the generator on them, as the compiler would, with step tracking on
/// (the NetEscapades <c>TestHelpers</c> pattern without the snapshot library).
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// The runtime's assemblies (the trusted platform assemblies of this test process) plus the ReluKernels runtime,
    /// loaded once: reading ~200 assemblies' metadata is the slow part of building a compilation.
    /// </summary>
    public static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(NetworkArchitecture).Assembly.Location)
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTestInput",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Input{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new NetworkShapeGenerator().AsSourceGenerator()],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true),
            parseOptions: ParseOptions);

    public static GeneratorRun Run(params string[] sources) => Run(Compilation(sources));

    public static GeneratorRun Run(CSharpCompilation compilation) => Run(CreateDriver(), compilation);

    /// <summary>Runs <paramref name="driver"/> (fresh, or from an earlier run) on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(compilation, output, driver,
            [.. result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString()))], diagnostics);
    }
}
