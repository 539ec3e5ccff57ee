using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ReluKernels.Generators.Tests;

/// <summary>One ```csharp block of a Markdown file, as a user would paste it into Program.cs.</summary>
/// <param name="File">The Markdown file, relative to the repository root.</param>
/// <param name="Line">The line of the opening fence (1-based), for messages.</param>
/// <param name="Source">The block's text.</param>
public sealed record DocumentationSnippet(string File, int Line, string Source)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>
/// Finds the ```csharp blocks of the repository's Markdown files and compiles each, like a console project's whole
/// Program.cs: top-level statements, the SDK's implicit usings, the ReluKernels runtime and generator.
/// </summary>
internal static partial class DocumentationSnippets
{
    /// <summary>The global usings a console project with ImplicitUsings enabled gets (Microsoft.NET.Sdk).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpFence();

    /// <summary>The repository root: the nearest ancestor of the test binaries holding ReluKernels.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static ImmutableArray<DocumentationSnippet> In(string relativePath)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));
        return [.. CSharpFence().Matches(text).Select(m => new DocumentationSnippet(
            relativePath, 1 + text.AsSpan(0, m.Index).Count('\n'), m.Groups["code"].Value))];
    }

    /// <summary>Compiles <paramref name="snippet"/> to an in-memory console program; errors and warnings fail the test.</summary>
    public static byte[] Compile(DocumentationSnippet snippet)
    {
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [
                CSharpSyntaxTree.ParseText(snippet.Source, GeneratorHarness.ParseOptions, path: "Program.cs"),
                CSharpSyntaxTree.ParseText(ImplicitUsings, GeneratorHarness.ParseOptions, path: "GlobalUsings.g.cs"),
            ],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        var problems = run.GeneratorDiagnostics.Concat(emitted.Diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0,
            $"{snippet} does not compile cleanly as Program.cs:\n{string.Join("\n", problems.Take(10))}");
        return stream.ToArray();
    }

    /// <summary>
    /// Runs a compiled snippet's entry point in a collectible context that shares the loaded ReluKernels runtime, and
    /// returns what it printed (also written to the test's output, so a failing snippet shows what it printed first); an
    /// exception it throws (a failed check at its end) fails the test.
    /// </summary>
    public static string Run(byte[] program)
    {
        var context = new SnippetContext();
        var output = new StringWriter();
        var console = Console.Out;
        try
        {
            var entry = context.LoadFromStream(new MemoryStream(program)).EntryPoint!;
            Console.SetOut(output);
            object? result = entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
            if (result is Task task)
                task.GetAwaiter().GetResult();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
        finally
        {
            Console.SetOut(console);
            context.Unload();
            TestContext.Current.TestOutputHelper?.Write(output.ToString());
        }
        return output.ToString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReluKernels.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No ReluKernels.sln above {AppContext.BaseDirectory}.");
    }

    private sealed class SnippetContext() : AssemblyLoadContext("DocumentationSnippet", isCollectible: true)
    {
        private static readonly Assembly Runtime = typeof(NetworkArchitecture).Assembly;

        protected override Assembly? Load(AssemblyName name) => name.Name == Runtime.GetName().Name ? Runtime : null;
    }
}
