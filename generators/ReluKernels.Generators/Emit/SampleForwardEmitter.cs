using ReluKernels.Generators.Model;

namespace ReluKernels.Generators.Emit;

/// <summary>
/// Emits <c>Forward{Path}</c>: the sample-parallel forward pass (SIMD lanes = samples, the network's parameters
/// broadcast) for one ISA path.
/// </summary>
/// <remarks>
/// A layer of width w has only w independent FMA chains per vector of samples, too few to hide the FMA latency when w
/// is small (two 512-bit FMAs a cycle with a 4-cycle latency need 8). Narrow unrolled shapes therefore run
/// <see cref="Vectors"/> vectors of samples per iteration, their statements interleaved, then one vector at a time for
/// the rest. Interleaving changes no sample's arithmetic, so every path stays bit-identical to the scalar one.
/// </remarks>
internal sealed class SampleForwardEmitter(NetworkSpec spec, SourceWriter writer) : KernelEmitter(spec, writer)
{
    /// <summary>Independent FMA chains wanted per layer: two FMA pipes × four cycles of latency.</summary>
    private const int ChainsWanted = 8;

    private const int MaxVectors = 4;

    public void Emit(Isa isa)
    {
        string lanes = isa.Count(T);
        int vectors = Vectors(isa);
        W.Line($"/// <summary>Sample-parallel forward, {isa.Description} path: {isa.LaneCount(Spec.ElementSize)} sample(s) per step over samples [start, end); returns end.</summary>");
        using (W.Block($"private static int Forward{isa.Name}(ref {T} p, ref {T} x, ref {T} y, int batch, int start)"))
        {
            W.Line(isa.IsScalar ? "int end = batch;" : $"int end = start + (batch - start) / {lanes} * {lanes};");
            DeclareHiddenSpans(isa);
            if (vectors == 1)
            {
                using (W.Block($"for (int s = start; s < end; s += {lanes})"))
                    Body(isa, 1);
            }
            else
            {
                W.Line("int s = start;");
                W.Comment($"{vectors} vectors of samples at a time: {vectors * Width} independent FMA chains per layer.");
                using (W.Block($"for (; s <= end - {vectors} * {lanes}; s += {vectors} * {lanes})"))
                    Body(isa, vectors);
                W.Comment("The remaining vectors one at a time.");
                using (W.Block($"for (; s < end; s += {lanes})"))
                    Body(isa, 1);
            }
            W.Line("return end;");
        }
        W.Line();
    }

    private void Body(Isa isa, int vectors)
    {
        LoadInputs(isa, vectors);
        ForwardLayers(isa, BroadcastParameters.Instance,
            (o, v, value) => W.Line(isa.Store(value, "y", FeatureOffset(o) + VectorOffset(isa, T, v))), vectors);
    }

    /// <summary>
    /// Vectors of samples per iteration: enough for <see cref="ChainsWanted"/> chains, at most <see cref="MaxVectors"/>,
    /// and no more than the inputs and accumulators of a layer (2 · Width per vector) plus a weight fit in the path's
    /// vector registers (32 with AVX-512 or on Arm64; 16 with AVX2, which the 256- and 128-bit paths are sized for).
    /// Looped (wide) shapes and the scalar path take one.
    /// </summary>
    private int Vectors(Isa isa)
    {
        if (!Spec.Unrolled || isa.IsScalar)
            return 1;
        int registers = isa == Isa.Vector512 ? 32 : 16;
        int vectors = System.Math.Min(MaxVectors, System.Math.Max(1, ChainsWanted / Width));
        while (vectors > 1 && 2 * Width * vectors + 1 > registers)
            vectors--;
        return vectors;
    }
}
