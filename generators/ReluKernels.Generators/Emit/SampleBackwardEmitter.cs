using ReluKernels.Generators.Model;

namespace ReluKernels.Generators.Emit;

/// <summary>
/// Emits <c>Backward{Path}</c>: the sample-parallel backward pass for one ISA path. Per vector of samples it runs the
/// forward pass storing each hidden layer's activations in the workspace, then walks the layers back, adding
/// <c>dL/dW = δ·inputᵀ</c> and <c>dL/db = δ</c> into one accumulator vector per parameter (lanes = samples), and
/// propagating <c>δ_in = σ'(input) ⊙ Wᵀδ</c>. The accumulators are summed over lanes into the gradient once per call,
/// so no horizontal sum sits in the sample loop.
/// </summary>
/// <remarks>
/// Workspace layout (element offsets, with L the path's lane count): hidden activation j of layer l at
/// <c>((l - 1) * Width + j) * L</c>, then the accumulator of parameter k at <c>(Depth * Width + k) * L</c>. For an
/// activation whose derivative needs the pre-activation (<see cref="NetworkSpec.KeepsPreActivations"/>, normalised erf)
/// the pre-activation of each hidden neuron follows at its activation's offset plus <c>(Depth * Width + ParameterCount) * L</c>,
/// and the output layer's after them, as if the output were layer Depth + 1.
/// </remarks>
internal sealed class SampleBackwardEmitter(NetworkSpec spec, SourceWriter writer) : KernelEmitter(spec, writer)
{
    private static readonly ParameterLayout Parameters = BroadcastParameters.Instance;

    private int Accumulators => Spec.Depth * Width;

    /// <summary>Start of the pre-activations (in vectors), where <see cref="NetworkSpec.KeepsPreActivations"/>.</summary>
    private int PreActivations => Accumulators + Spec.ParameterCount;

    /// <summary>The pre-activation kept for the activation stored at workspace offset <paramref name="activationOffset"/> (an expression).</summary>
    private static string PreActivation(Isa isa, int start, string activationOffset) => isa.Load("ws", $"{start} * L + {activationOffset}");

    public void Emit(Isa isa)
    {
        string lanes = isa.Count(T);
        W.Line($"/// <summary>Sample-parallel backward, {isa.Description} path: {isa.LaneCount(Spec.ElementSize)} sample(s) per step over samples [start, end); returns end.</summary>");
        using (W.Block($"private static int Backward{isa.Name}(ref {T} p, ref {T} x, ref {T} dy, ref {T} dx, bool inputGradients, ref {T} ws, ref {T} grad, int batch, int start)"))
        {
            W.Line(isa.IsScalar ? "int end = batch;" : $"int end = start + (batch - start) / {lanes} * {lanes};");
            W.Line("if (end == start)");
            W.Line("    return end;");
            W.Line($"nint L = {lanes};");
            W.Comment("Zero the per-parameter gradient accumulators.");
            using (W.Block($"for (nint k = 0; k < {Spec.ParameterCount}; k++)"))
                W.Line(isa.Store(isa.Zero(T), "ws", $"({Accumulators} + k) * L"));
            DeclareHiddenSpans(isa);
            if (!Spec.Unrolled)
            {
                W.Line($"{Names.Span}<{isa.Type(T)}> d = stackalloc {isa.Type(T)}[{Width}];");
            }
            using (W.Block($"for (int s = start; s < end; s += {lanes})"))
            {
                LoadInputs(isa);
                W.Comment("Forward, keeping every hidden layer's activations in the workspace.");
                W.Line("nint slot = 0;");
                ForwardLayers(isa, Parameters, static (_, _) => { }, hidden =>
                {
                    for (int j = 0; j < Width; j++)
                        W.Line(isa.Store(hidden(j), "ws", $"slot + {j} * L"));
                    W.Line($"slot += {Width} * L;");
                }, Spec.KeepsPreActivations
                    ? (j, z) => W.Line(isa.Store(z, "ws", $"{PreActivations} * L + slot + {j} * L"))
                    : null);
                EmitOutputLayer(isa);
                EmitHiddenLayers(isa);
                EmitFirstLayer(isa);
            }
            W.Comment("Sum each accumulator's lanes into the gradient.");
            using (W.Block($"for (nint k = 0; k < {Spec.ParameterCount}; k++)"))
                W.Line($"{Names.Unsafe}.Add(ref grad, k) += {isa.Sum(isa.Load("ws", $"({Accumulators} + k) * L"))};");
            W.Line("return end;");
        }
        W.Line();
    }

    /// <summary>Workspace offset of the accumulator of parameter <c>layerBase + index</c>.</summary>
    private string Accumulator(string layerBase, string index)
    {
        string first = int.TryParse(layerBase, out int constant)
            ? Literal(Accumulators + constant)
            : $"{Accumulators} + {layerBase}";
        return $"({ParameterLayout.Offset(first, index)}) * L";
    }

    private void AddProduct(Isa isa, string layerBase, string index, string delta, string input)
    {
        string at = Accumulator(layerBase, index);
        W.Line(isa.Store(isa.Fma(T, delta, input, isa.Load("ws", at)), "ws", at));
    }

    private void AddBias(Isa isa, string layerBase, string index, string delta)
    {
        if (!Spec.Bias)
            return;
        string at = Accumulator(layerBase, index);
        W.Line(isa.Store(Isa.Add(isa.Load("ws", at), delta), "ws", at));
    }

    private static string Weight(Isa isa, string layerBase, string index) => Parameters.Read(isa, layerBase, index);

    /// <summary>
    /// One layer of the unrolled backward pass, given its output gradient <paramref name="delta"/>(j) and its inputs
    /// <paramref name="input"/>(i): accumulate dL/db_j = δ_j and dL/dW[j, i] = δ_j·input_i, then the input gradient
    /// <c>d_i = σ'(input_i) · Σ_j W[j, i] δ_j</c> (j ascending, as <c>GenericNetwork</c>) via temporaries <c>{temporary}i</c>;
    /// <paramref name="preActivation"/>(i) is the kept pre-activation of input i, for activations that need it.
    /// </summary>
    private void BackpropagateUnrolled(Isa isa, string layerBase, int outputs, System.Func<int, string> delta,
        System.Func<int, string> input, System.Func<int, string> preActivation, string temporary, bool declare)
    {
        for (int j = 0; j < outputs; j++)
            AddBias(isa, layerBase, Literal(outputs * Width + j), delta(j));
        for (int j = 0; j < outputs; j++)
            for (int i = 0; i < Width; i++)
                AddProduct(isa, layerBase, Literal(j * Width + i), delta(j), input(i));
        for (int i = 0; i < Width; i++)
            W.Line($"{isa.Type(T)} {temporary}{i} = {isa.Zero(T)};");
        for (int j = 0; j < outputs; j++)
            for (int i = 0; i < Width; i++)
                W.Line($"{temporary}{i} = {isa.Fma(T, Weight(isa, layerBase, Literal(j * Width + i)), delta(j), $"{temporary}{i}")};");
        for (int i = 0; i < Width; i++)
            W.Line($"{(declare ? isa.Type(T) + " " : "")}d{i} = {Activation.DerivativeTimes(isa, T, input(i), preActivation(i), $"{temporary}{i}")};");
    }

    private void EmitOutputLayer(Isa isa)
    {
        int outputs = Spec.OutputDim;
        W.Comment($"Output layer {Spec.LayerCount}: g = dL/dy{(Spec.OutputActivation ? " ⊙ σ'(y)" : "")}; accumulate its gradient; δ = σ'(h) ⊙ Wᵀg.");
        for (int o = 0; o < outputs; o++)
        {
            string g = isa.Load("dy", FeatureOffset(o));
            W.Line($"{isa.Type(T)} g{o} = {(Spec.OutputActivation ? Activation.DerivativeTimes(isa, T, $"y{o}", PreActivation(isa, PreActivations, $"slot + {o} * L"), g) : g)};");
        }
        if (Spec.Unrolled)
        {
            BackpropagateUnrolled(isa, "last", outputs, o => $"g{o}", i => $"h{i}",
                i => PreActivation(isa, PreActivations, $"slot - {Width} * L + {i} * L"), temporary: "f", declare: true);
            return;
        }
        for (int o = 0; o < outputs; o++)
            AddBias(isa, "last", Literal(outputs * Width + o), $"g{o}");
        using (W.Block($"for (int i = 0; i < {Width}; i++)"))
        {
            for (int o = 0; o < outputs; o++)
                AddProduct(isa, "last", Index("i", 1, 0, o * Width), $"g{o}", "h[i]");
            W.Line($"{isa.Type(T)} e = {isa.Zero(T)};");
            for (int o = 0; o < outputs; o++)
                W.Line($"e = {isa.Fma(T, Weight(isa, "last", Index("i", 1, 0, o * Width)), $"g{o}", "e")};");
            W.Line($"d[i] = {Activation.DerivativeTimes(isa, T, "h[i]", PreActivation(isa, PreActivations, $"slot - {Width} * L + i * L"), "e")};");
        }
    }

    private void EmitHiddenLayers(Isa isa)
    {
        if (Spec.Depth == 1)
            return;
        W.Comment($"{(Spec.Depth == 2 ? "Layer 2" : $"Layers {Spec.Depth}..2, backwards")}: accumulate their gradients from δ and their inputs u (the previous layer's activations); δ = σ'(u) ⊙ Wᵀδ.");
        W.Line($"slot -= {Width} * L;");
        using (W.Block($"for (nint o = {OutputOffset - HiddenStride}; o >= {FirstHidden}; o -= {HiddenStride})"))
        {
            W.Line($"slot -= {Width} * L;");
            if (Spec.Unrolled)
            {
                for (int i = 0; i < Width; i++)
                    W.Line($"{isa.Type(T)} u{i} = {isa.Load("ws", $"slot + {i} * L")};");
                BackpropagateUnrolled(isa, "o", Width, j => $"d{j}", i => $"u{i}",
                    i => PreActivation(isa, PreActivations, $"slot + {i} * L"), temporary: "e", declare: false);
                return;
            }
            using (W.Block($"for (int j = 0; j < {Width}; j++)"))
            {
                AddBias(isa, "o", $"{Width * Width} + j", "d[j]");
                using (W.Block($"for (int i = 0; i < {Width}; i++)"))
                    AddProduct(isa, "o", $"j * {Width} + i", "d[j]", isa.Load("ws", "slot + i * L"));
            }
            using (W.Block($"for (int i = 0; i < {Width}; i++)"))
            {
                W.Line($"{isa.Type(T)} e = {isa.Zero(T)};");
                using (W.Block($"for (int j = 0; j < {Width}; j++)"))
                    W.Line($"e = {isa.Fma(T, Weight(isa, "o", $"j * {Width} + i"), "d[j]", "e")};");
                W.Line($"{isa.Type(T)} u = {isa.Load("ws", "slot + i * L")};");
                W.Line($"z[i] = {Activation.DerivativeTimes(isa, T, "u", PreActivation(isa, PreActivations, "slot + i * L"), "e")};");
            }
            W.Line("z.CopyTo(d);");
        }
    }

    private void EmitFirstLayer(Isa isa)
    {
        int inputs = Spec.InputDim;
        W.Comment("Layer 1: accumulate its gradient from δ and the inputs; dL/dx = W₁ᵀδ when asked for.");
        string Delta(int j) => Spec.Unrolled ? $"d{j}" : "d[j]";
        if (Spec.Unrolled)
        {
            for (int j = 0; j < Width; j++)
            {
                AddBias(isa, "0", Literal(Width * inputs + j), Delta(j));
                for (int k = 0; k < inputs; k++)
                    AddProduct(isa, "0", Literal(j * inputs + k), Delta(j), $"x{k}");
            }
        }
        else
        {
            using (W.Block($"for (int j = 0; j < {Width}; j++)"))
            {
                AddBias(isa, "0", $"{Width * inputs} + j", "d[j]");
                for (int k = 0; k < inputs; k++)
                    AddProduct(isa, "0", Index("j", inputs, k), "d[j]", $"x{k}");
            }
        }
        using (W.Block("if (inputGradients)"))
        {
            for (int k = 0; k < inputs; k++)
            {
                W.Line($"{isa.Type(T)} e{k} = {isa.Zero(T)};");
                if (Spec.Unrolled)
                {
                    for (int j = 0; j < Width; j++)
                        W.Line($"e{k} = {isa.Fma(T, Weight(isa, "0", Literal(j * inputs + k)), Delta(j), $"e{k}")};");
                }
                else
                {
                    using (W.Block($"for (int j = 0; j < {Width}; j++)"))
                        W.Line($"e{k} = {isa.Fma(T, Weight(isa, "0", Index("j", inputs, k)), "d[j]", $"e{k}")};");
                }
                W.Line(isa.Store($"e{k}", "dx", FeatureOffset(k)));
            }
        }
    }
}
