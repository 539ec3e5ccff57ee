using System.Globalization;
using Microsoft.CodeAnalysis;

namespace ReluKernels.Generators.Tests;

/// <summary>
/// One test per descriptor (RK0001..RK0007): the id fires on its bad input, the message names the problem, the
/// location is the offending syntax, and a declaration with an error generates nothing. Then the other side: valid
/// declarations report nothing, and attribute usage the compiler rejects does not make the generator throw.
/// </summary>
public class DiagnosticTests
{
    private const string Usings = "using ReluKernels;\nnamespace Demo;\n";

    /// <summary>Runs the generator and returns the one diagnostic it reported, after checking its id and severity.</summary>
    private static (GeneratorRun Run, Diagnostic Diagnostic) SingleDiagnostic(string source, string id,
        DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var run = GeneratorHarness.Run(Usings + source);
        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        return (run, diagnostic);
    }

    private static void AssertNoSource(GeneratorRun run) => Assert.Empty(run.GeneratedSources);

    [Fact]
    public void RK0001_NotPartial_IsReportedOnTheTypeName()
    {
        var (run, d) = SingleDiagnostic("[NetworkShape(4, 2)] public struct Net;", "RK0001");
        Assert.Contains("'Demo.Net'", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("not declared partial", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("Net", run.LocatedText(d));
        AssertNoSource(run);
    }

    [Theory]
    [InlineData("[NetworkShape(4, 2)] public partial struct Net<T>;", "Demo.Net<T>", "generic types are not supported")]
    [InlineData("[NetworkShape(4, 2)] public static partial class Net;", "Demo.Net", "a static class cannot implement IReluNetwork")]
    [InlineData("[NetworkShape(4, 2)] public ref partial struct Net;", "Demo.Net", "a ref struct cannot be used")]
    [InlineData("public partial class Outer<T> { [NetworkShape(4, 2)] public partial struct Net; }", "Demo.Outer<T>.Net",
        "it is nested in the generic type 'Demo.Outer<T>'")]
    [InlineData("public class Outer { [NetworkShape(4, 2)] public partial struct Net; }", "Demo.Outer.Net",
        "its containing type 'Demo.Outer' is not partial")]
    [InlineData("public partial class A { public class B { [NetworkShape(4, 2)] public partial struct Net; } }", "Demo.A.B.Net",
        "its containing type 'Demo.A.B' is not partial")]
    [InlineData("[NetworkShape(4, 2)] public partial interface Net;", "Demo.Net", "only a class or struct can implement IReluNetwork, not an interface")]
    [InlineData("[NetworkShape(4, 2)] file partial struct Net;", "Demo.Net", "a file-local type cannot be extended from the generated file")]
    [InlineData("file partial class Outer { [NetworkShape(4, 2)] public partial struct Net; }", "Demo.Outer.Net",
        "its containing type 'Demo.Outer' is file-local")]
    public void RK0002_UnsupportedContainer_NamesTheReason(string source, string typeName, string reason)
    {
        var (run, d) = SingleDiagnostic(source, "RK0002");
        Assert.StartsWith($"The type '{typeName}' cannot hold generated kernels: {reason}", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Net", run.LocatedText(d));
        AssertNoSource(run);
    }

    [Theory]
    [InlineData("[NetworkShape(0, 2)]", "0", "Width 0")]
    [InlineData("[NetworkShape(65, 2)]", "65", "Width 65")]
    [InlineData("[NetworkShape(-3, 2)]", "-3", "Width -3")]
    [InlineData("[NetworkShape(depth: 2, width: 65)]", "width: 65", "Width 65")]
    public void RK0003_WidthOutOfRange_IsReportedOnTheWidthArgument(string attribute, string located, string named)
    {
        var (run, d) = SingleDiagnostic(attribute + " public partial struct Net;", "RK0003");
        Assert.Contains(named + " ", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("1..64", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(located, run.LocatedText(d));
        AssertNoSource(run);
    }

    [Theory]
    [InlineData("[NetworkShape(4, 0)]", "0", "Depth 0")]
    [InlineData("[NetworkShape(4, 257)]", "257", "Depth 257")]
    [InlineData("[NetworkShape(depth: 257, width: 4)]", "depth: 257", "Depth 257")]
    public void RK0004_DepthOutOfRange_IsReportedOnTheDepthArgument(string attribute, string located, string named)
    {
        var (run, d) = SingleDiagnostic(attribute + " public partial struct Net;", "RK0004");
        Assert.Contains(named + " ", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("1..256", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(located, run.LocatedText(d));
        AssertNoSource(run);
    }

    [Theory]
    [InlineData("[NetworkShape(4, 2, InputDim = 0)]", "InputDim = 0", "InputDim 0")]
    [InlineData("[NetworkShape(4, 2, OutputDim = 17)]", "OutputDim = 17", "OutputDim 17")]
    [InlineData("[NetworkShape(4, 2, Bias = false, InputDim = 17)]", "InputDim = 17", "InputDim 17")]
    public void RK0005_DimensionOutOfRange_IsReportedOnTheNamedArgument(string attribute, string located, string named)
    {
        var (run, d) = SingleDiagnostic(attribute + " public partial struct Net;", "RK0005");
        Assert.Contains(named + " ", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("1..16", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(located, run.LocatedText(d));
        AssertNoSource(run);
    }

    [Theory]
    [InlineData("Activation = (Activation)8", "Activation value 8", "ReLU")]
    [InlineData("ElementType = (ElementType)5", "ElementType value 5", "Float, Double")]
    public void RK0006_UnknownOption_ListsTheSupportedValues(string argument, string named, string supported)
    {
        var (run, d) = SingleDiagnostic($"[NetworkShape(4, 2, {argument})] public partial struct Net;", "RK0006");
        Assert.Contains(named + " ", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("supported: " + supported, d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(argument, run.LocatedText(d));
        AssertNoSource(run);
    }

    [Theory]
    [InlineData("ActivationParameter = 0.5", "ReLU", "ReLU takes no parameter")]
    [InlineData("Activation = Activation.SELU, ActivationParameter = 1.0", "SELU", "SELU takes no parameter")]
    [InlineData("Activation = Activation.LeakyReLU, ActivationParameter = double.NaN", "LeakyReLU", "slope must be a finite number")]
    [InlineData("Activation = Activation.ELU, ActivationParameter = double.PositiveInfinity", "ELU", "alpha must be a finite number")]
    [InlineData("Activation = Activation.LeakyReLU, ActivationParameter = -0.1", "LeakyReLU", "slope must be ≥ 0")]
    [InlineData("Activation = Activation.NormReLU, ActivationParameter = 9", "NormReLU", "cannot be normalised")]
    [InlineData("Activation = Activation.NormalizedTanh, ActivationParameter = 1.0", "NormalizedTanh", "NormalizedTanh takes no parameter")]
    [InlineData("Activation = Activation.NormalizedErf, ActivationParameter = 0.0", "NormalizedErf", "NormalizedErf takes no parameter")]
    public void RK0009_InvalidActivationParameter_NamesTheProblem(string arguments, string activation, string problem)
    {
        var (run, d) = SingleDiagnostic($"[NetworkShape(4, 2, {arguments})] public partial struct Net;", "RK0009");
        string message = d.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains($"is invalid for {activation}: ", message);
        Assert.Contains(problem, message);
        Assert.StartsWith("ActivationParameter = ", run.LocatedText(d));
        AssertNoSource(run);
    }

    [Theory]
    [InlineData("Activation = Activation.LeakyReLU, ActivationParameter = 0")]
    [InlineData("Activation = Activation.ELU, ActivationParameter = 2.5")]
    [InlineData("Activation = Activation.NormReLU, ActivationParameter = -6")]
    [InlineData("Activation = Activation.NormReLU")]
    [InlineData("Activation = Activation.NormalizedTanh")]
    [InlineData("Activation = Activation.NormalizedErf, OutputActivation = true")]
    public void ValidActivationParameters_GenerateCompilingSource(string arguments)
    {
        var run = GeneratorHarness.Run($"using ReluKernels;\nnamespace Demo;\n[NetworkShape(4, 2, {arguments})] public partial struct Net;");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputProblems);
        Assert.Single(run.GeneratedSources);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(40)]
    [InlineData(64)]
    public void RK0007_WideShape_IsInformationalAndStillGeneratesCompilingSource(int width)
    {
        string attribute = $"[NetworkShape({width}, 2, InputDim = 3)]";
        var (run, d) = SingleDiagnostic(attribute + " public partial struct Net;", "RK0007", DiagnosticSeverity.Info);
        Assert.Contains($"Width {width} exceeds 32", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("'Demo.Net'", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(attribute[1..^1], run.LocatedText(d));
        Assert.Single(run.GeneratedSources);
        Assert.Empty(run.OutputProblems);
    }

    [Theory]
    [InlineData("[NetworkShape(4, 2), NetworkShape(8, 2)] public partial struct Net;", 1)]
    [InlineData("[NetworkShape(4, 2)] public partial struct Net;\n[NetworkShape(8, 2)] public partial struct Net;", 1)]
    [InlineData("[NetworkShape(4, 2)] public partial struct Net;\n[NetworkShape(8, 2)] public partial struct Net;\n[NetworkShape(2, 2)] public partial struct Net;", 2)]
    public void RK0008_DuplicateShape_IsReportedOnEveryRepeatAndGeneratesNothing(string source, int repeats)
    {
        var run = GeneratorHarness.Run(Usings + source);
        Assert.Null(run.Result.Exception);
        Assert.Equal(repeats, run.GeneratorDiagnostics.Length);
        Assert.All(run.GeneratorDiagnostics, d =>
        {
            Assert.Equal("RK0008", d.Id);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Contains("'Demo.Net' has more than one [NetworkShape]", d.GetMessage(CultureInfo.InvariantCulture));
            // On a repeat, never on the first attribute.
            Assert.NotEqual("NetworkShape(4, 2)", run.LocatedText(d));
            Assert.StartsWith("NetworkShape(", run.LocatedText(d), StringComparison.Ordinal);
        });
        AssertNoSource(run);
        // The compiler's own CS0579 stays; nothing is added to it.
        Assert.All(run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error),
            d => Assert.Equal("CS0579", d.Id));
    }

    [Fact]
    public void EveryDescriptor_HasAnAbsoluteHelpLinkOrNone()
    {
        var descriptors = typeof(NetworkShapeGenerator).Assembly.GetType("ReluKernels.Generators.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
        Assert.Equal(9, descriptors.Length);
        Assert.All(descriptors, d => Assert.True(
            string.IsNullOrEmpty(d.HelpLinkUri) || Uri.TryCreate(d.HelpLinkUri, UriKind.Absolute, out _),
            $"{d.Id}: help link '{d.HelpLinkUri}' is neither absent nor an absolute URL"));
        // The ids are the consecutive ones docs/diagnostics.md lists.
        Assert.Equal(Enumerable.Range(1, descriptors.Length).Select(i => $"RK{i:D4}"), descriptors.Select(d => d.Id).Order());
    }

    [Fact]
    public void UnrolledWidthLimit_ReportsNothing()
    {
        var run = GeneratorHarness.Run(Usings + "[NetworkShape(32, 2)] public partial struct Net;");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void SeveralProblems_AreAllReported()
    {
        var run = GeneratorHarness.Run(Usings + "[NetworkShape(0, 300, OutputDim = 0)] public struct Net;");
        Assert.Equal(["RK0001", "RK0003", "RK0004", "RK0005"], run.GeneratorDiagnostics.Select(d => d.Id).Order());
        AssertNoSource(run);
    }

    [Fact]
    public void DiagnosticsAreReportedOnlyForTheBadDeclaration()
    {
        const string source = Usings + """
            [NetworkShape(4, 2)] public partial struct Good;
            [NetworkShape(0, 2)] public partial struct Bad;
            """;
        var run = GeneratorHarness.Run(source);
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RK0003", d.Id);
        int bad = source.IndexOf("[NetworkShape(0", StringComparison.Ordinal);
        Assert.InRange(d.Location.SourceSpan.Start, bad, source.Length);
        var (hint, _) = Assert.Single(run.GeneratedSources);
        Assert.StartsWith("Demo.Good.", hint, StringComparison.Ordinal);
        // The good declaration compiles; nothing is generated for the bad one, and the compiler has nothing to add.
        Assert.Empty(run.OutputProblems);
    }

    public static TheoryData<string> ValidDeclarations => new()
    {
        Usings + "[NetworkShape(4, 2)] public partial struct Net;",
        Usings + "[NetworkShape(4, 2)] public partial class Net { }",
        Usings + "[NetworkShape(4, 2)] internal sealed partial class Net;",
        Usings + "[NetworkShape(4, 2)] public readonly partial record struct Net;",
        Usings + "[NetworkShape(4, 2)] public partial record Net;",
        Usings + "[NetworkShape(4, 2)] public sealed partial record class Net(int Tag);",
        Usings + "public partial class Outer { [NetworkShape(4, 2)] public partial struct Net; }",
        Usings + "public static partial class A { internal partial record B { [NetworkShape(4, 2)] private partial struct Net; } }",
        "using ReluKernels; [NetworkShape(4, 2)] public partial struct Net;",
        "namespace Demo.Deep.Er { [ReluKernels.NetworkShape(4, 2)] public partial struct Net; }",
        "using RK = ReluKernels; [RK.NetworkShapeAttribute(4, 2)] partial struct Net;",
        Usings + "[NetworkShape(3, 5, OutputDim = 2, ElementType = ElementType.Double, Bias = false, InputDim = 3, OutputActivation = true, Activation = Activation.ReLU)] public partial struct Net;",
        Usings + "[NetworkShape(depth: 5, width: 3)] public partial struct Net;",
        Usings + "[NetworkShape(width: 3, depth: 5, InputDim = 2)] public partial struct Net;",
        Usings + "[NetworkShape(3, depth: 5)] public partial struct Net;",
        Usings + "[NetworkShape(1, 1, InputDim = 16, OutputDim = 16)] public partial struct Net;",
        Usings + "[NetworkShape(4, 2)] public partial struct Net { public int Other; }\npublic partial struct Net { public void More() { } }",
        Usings + "[NetworkShape(4, 2)] public abstract partial class Net;",
        Usings + "[NetworkShape(4, 2)] public readonly partial struct Net;",
        Usings + "public partial interface IHolder { [NetworkShape(4, 2)] public partial struct Net; }",
        "namespace @event { [ReluKernels.NetworkShape(4, 2)] public partial struct @struct; }",
        "using NS = ReluKernels.NetworkShapeAttribute; namespace Demo; [NS(4, 2)] partial class Net;",
        Usings + "[NetworkShape(4, 2)] public partial struct Net;\npublic static class Use { public static int Count() => Net.ParameterCount + Run<Net>(); static int Run<T>() where T : IReluNetwork<T, float> => T.ParameterCount; }",
    };

    [Theory]
    [MemberData(nameof(ValidDeclarations))]
    public void ValidDeclaration_ReportsNothingAndCompiles(string source)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.GeneratedSources);
        Assert.Empty(run.OutputProblems);
    }

    [Theory]
    [InlineData("[NetworkShape(4)]", "CS7036")]
    [InlineData("[NetworkShape]", "CS7036")]
    [InlineData("[NetworkShape(\"4\", 2)]", "CS1503")]
    [InlineData("[NetworkShape(4, 2.5)]", "CS1503")]
    [InlineData("[NetworkShape(4, 2, 3)]", "CS1729")]
    [InlineData("[NetworkShape(4, Undefined.Value)]", "CS0103")]
    [InlineData("[NetworkShape(4, 2, InputDim = \"x\")]", "CS0029")]
    [InlineData("[NetworkShape(4, 2, Nope = 1)]", "CS0246")]
    public void MalformedAttribute_IsLeftToTheCompiler(string attribute, string compilerError)
    {
        var run = GeneratorHarness.Run(Usings + attribute + " public partial struct Net;");
        Assert.Null(run.Result.Exception);
        // CS8785 is how the driver reports a generator that threw; nothing of the generator's own may appear either.
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Output.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Id == compilerError && d.Severity == DiagnosticSeverity.Error);
    }
}
