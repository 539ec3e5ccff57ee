using ReluKernels.Generators.Model;

namespace ReluKernels.Generators.Emit;

/// <summary>
/// Emits <c>WeightSpaceStep</c>, the generated layer of the lazy weight-space collapse engine
/// (<c>ReluKernels.MonteCarlo.Engines.IWeightSpaceStep</c>): 16 networks per <c>Vector512&lt;float&gt;</c>, the layer's
/// outputs at x = ±1 loaded into locals once, every neuron's two fused multiply-add chains unrolled, each lane rescaled
/// by a power of two and stored back in place. It performs the operations of the run-time-width
/// <c>WeightSpaceStepper</c> in the same order, so both give bit-identical states and identical counts.
/// </summary>
internal sealed class WeightSpaceStepEmitter(NetworkSpec spec, SourceWriter w)
{
    /// <summary>Widest shape that gets a step (<c>IWeightSpaceStep.MaxWidth</c>): its 2 × width state vectors fit the 32 AVX-512 registers.</summary>
    public const int MaxWidth = 16;

    private const int Lanes = 16;
    private const string Vector = Names.Intrinsics + ".Vector512";
    private const string Float = Vector + "<float>";

    /// <summary>The interface the generated type implements when <see cref="Applies"/>.</summary>
    public const string Interface = "global::ReluKernels.MonteCarlo.Engines.IWeightSpaceStep";

    /// <summary>
    /// ReLU shapes of width at most <see cref="MaxWidth"/>: collapse (a layer identically zero) is a ReLU question, and the
    /// zero-pattern argument of the engine (positive homogeneity, decided at x = ±1) holds for ReLU alone. The step is
    /// bias-free and in float whatever the shape's biases and element type: it is the engine's layer for that width.
    /// </summary>
    public static bool Applies(NetworkSpec spec) => spec.Activation == ActivationKind.ReLU && spec.Width <= MaxWidth;

    public void Emit()
    {
        int n = spec.Width;
        w.Line($"/// <inheritdoc cref=\"{Interface}{{TSelf}}.WeightSpaceStep\"/>");
        w.Line(NetworkEmitter.GeneratedCode);
        using (w.Block($"public static void WeightSpaceStep({Names.ReadOnlySpan}<float> weights, {Names.Span}<float> plus, {Names.Span}<float> minus, " +
                       $"out {Vector}<int> zeroAtPlus, out {Vector}<int> zeroAtMinus)"))
        {
            w.Line($"{Names.KernelArguments}.RequireLength(weights.Length, {n * n * Lanes}, nameof(weights));");
            w.Line($"{Names.KernelArguments}.RequireLength(plus.Length, {n * Lanes}, nameof(plus));");
            w.Line($"{Names.KernelArguments}.RequireLength(minus.Length, {n * Lanes}, nameof(minus));");
            w.Line($"ref float wt = ref {Names.MemoryMarshal}.GetReference(weights);");
            w.Line($"ref float xp = ref {Names.MemoryMarshal}.GetReference(plus);");
            w.Line($"ref float xm = ref {Names.MemoryMarshal}.GetReference(minus);");
            w.Line($"{Float} zero = {Float}.Zero;");
            w.Comment("The previous layer at x = +1 (p) and x = -1 (m), neuron j of every lane.");
            for (int j = 0; j < n; j++)
            {
                w.Line($"{Float} p{j} = {Load("xp", j * Lanes)};");
                w.Line($"{Float} m{j} = {Load("xm", j * Lanes)};");
            }
            w.Line($"{Float} anyPlus = zero, anyMinus = zero, largest = zero;");
            for (int i = 0; i < n; i++)
            {
                w.Comment($"Neuron {i}: sum over j of W[{i}, j] x_j, then ReLU.");
                w.Line($"{Float} w{i}_0 = {Load("wt", i * n * Lanes)};");
                w.Line($"{Float} zp{i} = {Vector}.FusedMultiplyAdd(w{i}_0, p0, zero);");
                w.Line($"{Float} zm{i} = {Vector}.FusedMultiplyAdd(w{i}_0, m0, zero);");
                for (int j = 1; j < n; j++)
                {
                    w.Line($"{Float} w{i}_{j} = {Load("wt", (i * n + j) * Lanes)};");
                    w.Line($"zp{i} = {Vector}.FusedMultiplyAdd(w{i}_{j}, p{j}, zp{i});");
                    w.Line($"zm{i} = {Vector}.FusedMultiplyAdd(w{i}_{j}, m{j}, zm{i});");
                }
                w.Line($"zp{i} = {Vector}.Max(zp{i}, zero);");
                w.Line($"zm{i} = {Vector}.Max(zm{i}, zero);");
                w.Line($"anyPlus |= {Vector}.GreaterThan(zp{i}, zero);");
                w.Line($"anyMinus |= {Vector}.GreaterThan(zm{i}, zero);");
                w.Line($"largest = {Vector}.Max(largest, {Vector}.Max(zp{i}, zm{i}));");
            }
            w.Comment("Rescale each lane exactly by a power of two to a largest value in [1, 2): zero patterns ignore positive scale.");
            w.Line($"{Float} scale = global::ReluKernels.MonteCarlo.Engines.PowerOfTwoScale.InverseOf(largest);");
            for (int i = 0; i < n; i++)
            {
                w.Line($"{Vector}.StoreUnsafe(zp{i} * scale, ref xp, (nuint){i * Lanes});");
                w.Line($"{Vector}.StoreUnsafe(zm{i} * scale, ref xm, (nuint){i * Lanes});");
            }
            w.Line($"zeroAtPlus = ~{Vector}.AsInt32(anyPlus);");
            w.Line($"zeroAtMinus = ~{Vector}.AsInt32(anyMinus);");
        }
        w.Line();
    }

    private static string Load(string source, int offset) => $"{Vector}.LoadUnsafe(ref {source}, (nuint){offset})";
}
