namespace ReluKernels.Generators.Tests;

/// <summary>
/// The generated file re-opens the user's type inside the user's namespace, so every name it uses must be immune to the
/// user's own types: types called <c>Unsafe</c>, <c>Vector512</c>, <c>KernelPath</c>, <c>System</c> … in that namespace,
/// or nested in the shape itself, and namespaces or types whose names are C# keywords written with <c>@</c>.
/// </summary>
public class HostileNamesTests
{
    /// <summary>Every type name the emitted code uses or could be tempted to use, declared beside the shape.</summary>
    private const string Decoys = """
        public static class Unsafe { }
        public static class Vector512 { }
        public struct Vector512<T> { }
        public static class Vector256 { }
        public struct Vector256<T> { }
        public static class Vector128 { }
        public struct Vector128<T> { }
        public static class MemoryMarshal { }
        public enum KernelPath { Auto }
        public static class KernelPaths { }
        public static class KernelArguments { }
        public static class Math { }
        public static class MathF { }
        public ref struct Span<T> { }
        public ref struct ReadOnlySpan<T> { }
        public static class System { }
        public static class ReluKernels { }
        public interface IReluNetwork<TSelf, T> { }
        public sealed class NetworkArchitecture { }
        public enum Activation { None }
        """;

    public static TheoryData<string, bool> Shapes => new()
    {
        { "[NetworkShape(3, 2)]", false },
        { "[NetworkShape(2, 1, InputDim = 2, OutputDim = 2, Bias = false, ElementType = global::ReluKernels.ElementType.Double)]", true },
        { "[NetworkShape(33, 3, OutputActivation = true)]", false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DecoyTypesInTheShapesNamespace_ChangeNothing(string attribute, bool isDouble)
    {
        string declarations = $$"""
            using ReluKernels;
            namespace Hostile;

            {{Decoys}}

            {{attribute}}
            public partial struct Net
            {
                // Nested types are found before anything in the namespace or a using directive.
                private static class Unsafe { }
                private struct Vector256<T> { }
                private static class MemoryMarshal { }
                private static int System => 0;
            }
            """;
        // Build asserts no generator diagnostic above info, no compiler error or warning, then the run compares with
        // the generic network.
        using var compiled = CompiledShape.Build(declarations, "global::Hostile.Net", isDouble);
        var architecture = (NetworkArchitecture)compiled.Probe.GetProperty("Architecture")!.GetValue(null)!;
        GeneratedCodeRunsTests.CompareWithGeneric(compiled, architecture, isDouble);
    }

    [Fact]
    public void KeywordNames_AreEscapedAndTheKernelsRun()
    {
        const string declarations = """
            using ReluKernels;
            namespace @event.@record
            {
                public static partial class @class
                {
                    public partial record struct @int
                    {
                        [NetworkShape(2, 3, InputDim = 2)]
                        public partial struct @struct;
                    }
                }
            }
            """;
        using var compiled = CompiledShape.Build(declarations, "global::@event.@record.@class.@int.@struct", isDouble: false);
        var architecture = (NetworkArchitecture)compiled.Probe.GetProperty("Architecture")!.GetValue(null)!;
        Assert.Equal(new NetworkArchitecture(2, 3, inputDim: 2), architecture);
        GeneratedCodeRunsTests.CompareWithGeneric(compiled, architecture, isDouble: false);
    }

    [Fact]
    public void KeywordNames_GiveAValidHintNameAndEscapedDeclarations()
    {
        var run = GeneratorHarness.Run("using ReluKernels;\nnamespace @event;\npublic partial class @class { [NetworkShape(2, 1)] public partial struct @struct; }");
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        var (hint, text) = Assert.Single(run.GeneratedSources);
        Assert.Matches(@"^event\.class\.struct\.[0-9a-f]{8}\.NetworkShape\.g\.cs$", hint);
        Assert.Contains("namespace @event;", text);
        Assert.Contains("partial class @class", text);
        Assert.Contains("partial struct @struct : global::ReluKernels.IReluNetwork<@struct, float>", text);
        Assert.Empty(run.OutputProblems);
    }

    [Fact]
    public void GeneratedFile_HasNoUsingDirectives()
    {
        // A using directive is what a same-named type in the user's namespace silently overrides.
        var run = GeneratorHarness.Run("using ReluKernels;\nnamespace Demo;\n[NetworkShape(2, 2)] public partial struct Net;");
        Assert.DoesNotMatch(@"(?m)^\s*using\s", run.SingleSource);
        Assert.Contains("global::System.Runtime.CompilerServices.Unsafe.Add(", run.SingleSource);
    }
}
