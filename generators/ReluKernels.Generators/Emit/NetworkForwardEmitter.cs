using ReluKernels.Generators.Model;

namespace ReluKernels.Generators.Emit;

/// <summary>
/// Emits <c>ForwardNetworks{Path}</c>: the network-parallel forward pass (SIMD lanes = independent networks with
/// interleaved parameters) for one ISA path. A block holds <c>NetworkLanes</c> networks (64 bytes of elements) whatever
/// the path, and narrower paths walk a block in several vectors, so the data layout never depends on the ISA.
/// </summary>
internal sealed class NetworkForwardEmitter(NetworkSpec spec, SourceWriter writer) : KernelEmitter(spec, writer)
{
    public void Emit(Isa isa)
    {
        int lanes = Spec.NetworkLanes;
        string step = isa.Count(T);
        W.Line($"/// <summary>Network-parallel forward, {isa.Description} path: {isa.LaneCount(Spec.ElementSize)} network(s) per step.</summary>");
        using (W.Block($"private static void ForwardNetworks{isa.Name}(ref {T} p, {Names.ReadOnlySpan}<{T}> input, ref {T} y, int blocks)"))
        {
            W.Comment("The input point is shared by every network.");
            for (int k = 0; k < Spec.InputDim; k++)
                W.Line($"{isa.Type(T)} x{k} = {isa.Broadcast($"input[{k}]")};");
            DeclareHiddenSpans(isa);
            using (W.Block("for (int block = 0; block < blocks; block++)"))
            using (W.Block($"for (int v = 0; v < {lanes}; v += {step})"))
            {
                W.Comment($"Parameter k of the networks in lanes v.. is at q + k * {lanes}; their output o goes to r + o * {lanes}.");
                W.Line($"nint q = (nint)block * {Spec.ParameterCount * lanes} + v;");
                W.Line($"nint r = (nint)block * {Spec.OutputDim * lanes} + v;");
                ForwardLayers(isa, new InterleavedParameters(lanes),
                    (o, value) => W.Line(isa.Store(value, "y", ParameterLayout.Offset("r", Literal(o), lanes))));
            }
        }
        W.Line();
    }
}
