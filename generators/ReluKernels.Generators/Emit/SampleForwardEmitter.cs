using ReluKernels.Generators.Model;

namespace ReluKernels.Generators.Emit;

/// <summary>
/// Emits <c>Forward{Path}</c>: the sample-parallel forward pass (SIMD lanes = samples, the network's parameters
/// broadcast) for one ISA path.
/// </summary>
internal sealed class SampleForwardEmitter(NetworkSpec spec, SourceWriter writer) : KernelEmitter(spec, writer)
{
    public void Emit(Isa isa)
    {
        string lanes = isa.Count(T);
        W.Line($"/// <summary>Sample-parallel forward, {isa.Description} path: {isa.LaneCount(Spec.ElementSize)} sample(s) per step over samples [start, end); returns end.</summary>");
        using (W.Block($"private static int Forward{isa.Name}(ref {T} p, ref {T} x, ref {T} y, int batch, int start)"))
        {
            W.Line(isa.IsScalar ? "int end = batch;" : $"int end = start + (batch - start) / {lanes} * {lanes};");
            DeclareHiddenSpans(isa);
            using (W.Block($"for (int s = start; s < end; s += {lanes})"))
            {
                LoadInputs(isa);
                ForwardLayers(isa, BroadcastParameters.Instance, (o, value) => W.Line(isa.Store(value, "y", FeatureOffset(o))));
            }
            W.Line("return end;");
        }
        W.Line();
    }
}
