using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.Loader;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.CodeAnalysis;

namespace ReluKernels.Generators.Tests;

/// <summary>One random network shape for the compile-and-run property, with the seed of its parameters and inputs.</summary>
public sealed record RandomShape(int Width, int Depth, int InputDim, int OutputDim, bool Bias, bool OutputActivation, bool IsDouble, int Seed)
{
    public NetworkArchitecture Architecture => new(Width, Depth, InputDim, OutputDim, Bias, OutputActivation);

    public string Attribute => string.Create(CultureInfo.InvariantCulture,
        $"[NetworkShape({Width}, {Depth}, InputDim = {InputDim}, OutputDim = {OutputDim}, Bias = {(Bias ? "true" : "false")}, " +
        $"OutputActivation = {(OutputActivation ? "true" : "false")}, ElementType = ElementType.{(IsDouble ? "Double" : "Float")})]");

    public override string ToString() => $"{Attribute} seed {Seed}";
}

/// <summary>
/// The shapes the property draws. Half the widths are uniform in 1..33; the other half sit on the boundaries the
/// emitter cares about (lane counts of each ISA for float and double, ±1, and 33, the first looped width). Compile time
/// grows with width², so the boundary half also keeps the property fast.
/// </summary>
public static class RandomShapes
{
    private static readonly Gen<int> Widths = Gen.OneOf(Gen.Choose(1, 33), Gen.Elements(1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33));

    public static Arbitrary<RandomShape> Shapes() =>
        (from width in Widths
         from depth in Gen.Choose(1, 40)
         from inputDim in Gen.Choose(1, 4)
         from outputDim in Gen.Choose(1, 4)
         from bias in Gen.Elements(true, false)
         from outputActivation in Gen.Elements(true, false)
         from isDouble in Gen.Elements(true, false)
         from seed in Gen.Choose(0, int.MaxValue)
         select new RandomShape(width, depth, inputDim, outputDim, bias, outputActivation, isDouble, seed))
        .ToArbitrary(); // No shrinker: each candidate costs a compilation; the failing shape is printed as it is.
}

/// <summary>
/// Generates kernels for a shape, compiles them to an in-memory assembly, runs every supported path and compares with
/// <see cref="GenericNetwork{T}"/>: forward and network-parallel forward bit for bit (same fused multiply-adds in the
/// same order), gradients to rounding (the SIMD paths sum over samples in another order).
/// </summary>
public class GeneratedCodeRunsTests
{
    /// <summary>Batch sizes that are not multiples of any vector width, so every path also runs its scalar tail.</summary>
    private static readonly int[] Batches = [0, 1, 17, 37];

    [Property(MaxTest = 18, Replay = "(20250611,1234567)", Arbitrary = [typeof(RandomShapes)])]
    public void GeneratedKernels_MatchTheGenericNetwork(RandomShape shape)
    {
        using var assembly = CompiledShape.Build(shape.Attribute, shape.IsDouble);
        if (shape.IsDouble)
            Compare<double>(assembly, shape.Architecture, shape.Seed, gradientTolerance: 1e-12);
        else
            Compare<float>(assembly, shape.Architecture, shape.Seed, gradientTolerance: 1e-4);
    }

    public static TheoryData<string, bool> Spread => new()
    {
        { "[NetworkShape(1, 1)]", false },
        { "[NetworkShape(1, 1, InputDim = 16, OutputDim = 16, ElementType = ElementType.Double)]", true },
        { "[NetworkShape(33, 2, OutputActivation = true, ElementType = ElementType.Double)]", true },
        { "[NetworkShape(64, 256, InputDim = 16)]", false },
        { "[NetworkShape(64, 256, InputDim = 16, OutputDim = 16, ElementType = ElementType.Double)]", true },
        { "[NetworkShape(32, 256, InputDim = 16, OutputDim = 16, Bias = false)]", false },
        // Normalised erf keeps pre-activations in the workspace: its offsets at the widest unrolled and a looped shape.
        { "[NetworkShape(32, 3, OutputDim = 2, OutputActivation = true, Activation = Activation.NormalizedErf)]", false },
        { "[NetworkShape(33, 40, InputDim = 4, OutputDim = 3, OutputActivation = true, Activation = Activation.NormalizedErf, ElementType = ElementType.Double)]", true },
        { "[NetworkShape(17, 5, OutputActivation = true, Activation = Activation.NormalizedTanh)]", false },
    };

    /// <summary>The extremes of every range compile without errors or warnings, and run like the generic kernel.</summary>
    [Theory]
    [MemberData(nameof(Spread))]
    public void ExtremeShapes_CompileCleanlyAndRun(string attribute, bool isDouble)
    {
        using var assembly = CompiledShape.Build(attribute, isDouble);
        var architecture = (NetworkArchitecture)assembly.Probe.GetProperty("Architecture")!.GetValue(null)!;
        CompareWithGeneric(assembly, architecture, isDouble);
    }

    /// <summary>Compares <paramref name="compiled"/> with the generic network at the tolerances this class uses.</summary>
    internal static void CompareWithGeneric(CompiledShape compiled, NetworkArchitecture architecture, bool isDouble)
    {
        if (isDouble)
            Compare<double>(compiled, architecture, seed: 7, gradientTolerance: 1e-12);
        else
            Compare<float>(compiled, architecture, seed: 7, gradientTolerance: 1e-4);
    }

    private static void Compare<T>(CompiledShape compiled, NetworkArchitecture architecture, int seed, double gradientTolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var generic = new GenericNetwork<T>(architecture);
        Assert.Equal(architecture, (NetworkArchitecture)compiled.Probe.GetProperty("Architecture")!.GetValue(null)!);
        int count = architecture.ParameterCount;
        Assert.Equal(count, (int)compiled.Probe.GetProperty("ParameterCount")!.GetValue(null)!);
        var parameters = RandomParameters<T>(architecture, random, lanes: 1);

        foreach (int batch in Batches)
        {
            var x = RandomArray<T>(architecture.InputDim * batch, random, 2.0);
            var dy = RandomArray<T>(architecture.OutputDim * batch, random, 1.0);
            var expected = new T[architecture.OutputDim * batch];
            generic.Forward(parameters, x, expected);
            var expectedGrad = new T[count];
            var expectedDx = new T[architecture.InputDim * batch];
            generic.Backward(parameters, x, dy, expectedGrad, expectedDx);

            foreach (var path in KernelPaths.Supported)
            {
                string where = $"{architecture}, batch {batch}, {path}";
                var y = new T[expected.Length];
                y.AsSpan().Fill(T.NaN);
                compiled.Call("Forward", parameters, x, y, (int)path);
                AssertBitwiseEqual(expected, y, $"Forward, {where}");

                var grad = new T[count];
                var dx = new T[expectedDx.Length];
                compiled.Call("Backward", parameters, x, dy, grad, dx, (int)path);
                AssertClose(expectedGrad, grad, gradientTolerance, $"parameter gradients, {where}");
                AssertClose(expectedDx, dx, gradientTolerance, $"input gradients, {where}");

                // Without input gradients, and accumulating onto what is already there.
                compiled.Call("Backward", parameters, x, dy, grad, Array.Empty<T>(), (int)path);
                AssertClose(expectedGrad.Select(g => g + g).ToArray(), grad, gradientTolerance, $"accumulated gradients, {where}");
            }
        }

        int lanes = GenericNetwork<T>.NetworkLanes;
        Assert.Equal(lanes, (int)compiled.Probe.GetProperty("NetworkLanes")!.GetValue(null)!);
        foreach (int blocks in new[] { 1, 2 })
        {
            var interleaved = RandomParameters<T>(architecture, random, lanes * blocks);
            var input = RandomArray<T>(architecture.InputDim, random, 2.0);
            var expected = new T[blocks * architecture.OutputDim * lanes];
            generic.ForwardNetworks(interleaved, input, expected);
            foreach (var path in KernelPaths.Supported)
            {
                var y = new T[expected.Length];
                compiled.Call("ForwardNetworks", interleaved, input, y, (int)path);
                AssertBitwiseEqual(expected, y, $"ForwardNetworks, {architecture}, {blocks} block(s), {path}");
            }
        }
    }

    /// <summary>
    /// He-scaled uniform weights (variance 2 / fan-in) and small biases, so that deep ReLU stacks neither die nor
    /// explode and the comparison sees real, varied activations. <paramref name="lanes"/> &gt; 1 gives interleaved
    /// copies (network-parallel layout), each its own random network.
    /// </summary>
    private static T[] RandomParameters<T>(NetworkArchitecture a, Random random, int lanes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[a.ParameterCount * lanes];
        for (int l = 1; l <= a.LayerCount; l++)
        {
            double limit = Math.Sqrt(6.0 / a.LayerInputs(l));
            int weights = a.LayerOutputs(l) * a.LayerInputs(l);
            for (int k = 0; k < a.LayerParameterCount(l); k++)
            {
                for (int n = 0; n < lanes; n++)
                {
                    double value = k < weights ? (random.NextDouble() * 2 - 1) * limit : random.NextDouble() * 0.2 - 0.05;
                    values[(a.WeightOffset(l) + k) * lanes + n] = T.CreateTruncating(value);
                }
            }
        }
        return values;
    }

    private static T[] RandomArray<T>(int length, Random random, double scale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
            values[i] = T.CreateTruncating((random.NextDouble() * 2 - 1) * scale);
        return values;
    }

    private static void AssertBitwiseEqual<T>(T[] expected, T[] actual, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            // Bit patterns, so that a sign of zero or a NaN payload differing would show too.
            if (!System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>([expected[i]]).SequenceEqual(
                    System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>([actual[i]])))
                Assert.Fail($"{what}: element {i} is {actual[i]}, expected exactly {expected[i]}");
        }
    }

    /// <summary>Equal to <paramref name="tolerance"/> times the largest |expected| (sums over the batch are reordered).</summary>
    private static void AssertClose<T>(T[] expected, T[] actual, double tolerance, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Length == 0 ? 0 : expected.Max(e => Math.Abs(double.CreateTruncating(e)));
        double allowed = tolerance * Math.Max(scale, double.Epsilon);
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs(double.CreateTruncating(expected[i]) - double.CreateTruncating(actual[i]));
            if (!(difference <= allowed))
                Assert.Fail($"{what}: element {i} is {actual[i]}, expected {expected[i]} (difference {difference:G3}, allowed {allowed:G3})");
        }
    }
}

/// <summary>
/// A shape's generated kernels, compiled with a small array-taking <c>Probe</c> class (spans cannot go through
/// reflection) and loaded into a collectible context that shares the already-loaded ReluKernels runtime.
/// </summary>
internal sealed class CompiledShape : IDisposable
{
    private readonly Context _context;

    private CompiledShape(Context context, Type probe)
    {
        _context = context;
        Probe = probe;
    }

    public Type Probe { get; }

    public static CompiledShape Build(string attribute, bool isDouble) =>
        Build($"using ReluKernels;\nnamespace Probed.Shapes;\n\n{attribute}\npublic partial struct Net;", "global::Probed.Shapes.Net", isDouble);

    /// <summary>
    /// Compiles <paramref name="declarations"/> (one annotated type, written as a user would, in its own file) with the
    /// probe, which reaches the type as <paramref name="net"/> (a <c>global::</c>-qualified name).
    /// </summary>
    public static CompiledShape Build(string declarations, string net, bool isDouble)
    {
        string t = isDouble ? "double" : "float";
        string probe = $$"""
            using System;
            using ReluKernels;
            using Net = {{net}};
            namespace Probed;

            public static class Probe
            {
                public static NetworkArchitecture Architecture => Net.Architecture;
                public static int ParameterCount => Net.ParameterCount;
                public static int NetworkLanes => Net.NetworkLanes;

                public static void Forward({{t}}[] p, {{t}}[] x, {{t}}[] y, int path) => Net.Forward(p, x, y, (KernelPath)path);

                public static void Backward({{t}}[] p, {{t}}[] x, {{t}}[] dy, {{t}}[] grad, {{t}}[] dx, int path)
                {
                    // A workspace bigger than asked for, filled with garbage: kernels must not depend on its content.
                    var ws = new {{t}}[Net.BackwardWorkspaceLength + 5];
                    ws.AsSpan().Fill({{t}}.NaN);
                    Net.Backward(p, x, dy, grad, dx, ws, (KernelPath)path);
                }

                public static void ForwardNetworks({{t}}[] p, {{t}}[] x, {{t}}[] y, int path) => Net.ForwardNetworks(p, x, y, (KernelPath)path);
            }
            """;
        var run = GeneratorHarness.Run(declarations, probe);
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Single(run.GeneratedSources);
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        Assert.Empty(emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        stream.Position = 0;
        var context = new Context();
        var assembly = context.LoadFromStream(stream);
        return new CompiledShape(context, assembly.GetType("Probed.Probe", throwOnError: true)!);
    }

    public void Call(string method, params object[] arguments)
    {
        try
        {
            Probe.GetMethod(method)!.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    public void Dispose() => _context.Unload();

    private sealed class Context() : AssemblyLoadContext("GeneratedShape", isCollectible: true)
    {
        private static readonly Assembly Runtime = typeof(NetworkArchitecture).Assembly;

        protected override Assembly? Load(AssemblyName name) =>
            name.Name == Runtime.GetName().Name ? Runtime : null;
    }
}
