using ReluKernels.Generators.Emit.Activations;
using ReluKernels.Generators.Model;

namespace ReluKernels.Generators.Emit;

/// <summary>
/// What every kernel template shares: the spec, the element type, the activation, the writer, and the spelling of a
/// dense layer's pre-activation. Layer <c>l</c>'s weights start at a parameter offset; <c>W[j, i]</c> is at
/// <c>offset + j * inputs + i</c> and <c>b[j]</c> at <c>offset + outputs * inputs + j</c> (row-major, as
/// <c>NetworkArchitecture</c> documents).
/// </summary>
internal abstract class KernelEmitter(NetworkSpec spec, SourceWriter writer)
{
    protected NetworkSpec Spec { get; } = spec;

    protected SourceWriter W { get; } = writer;

    /// <summary>Element type keyword.</summary>
    protected string T => Spec.ElementName;

    protected ActivationEmitter Activation { get; } = ActivationEmitter.For(spec);

    protected int Width => Spec.Width;

    /// <summary>Parameters of one hidden→hidden layer (layers 2..Depth); the stride of the depth loop.</summary>
    protected int HiddenStride => Spec.LayerParameterCount(2);

    /// <summary>Offset of layer 2, where the depth loop starts.</summary>
    protected int FirstHidden => Spec.WeightOffset(2);

    /// <summary>Offset of the output layer, where the depth loop ends.</summary>
    protected int OutputOffset => Spec.WeightOffset(Spec.LayerCount);

    protected string DescribeLayer(int layer)
    {
        bool output = layer == Spec.LayerCount;
        string kind = output ? (Spec.OutputActivation ? $"dense + {Activation.Name}" : "dense, no activation") : $"dense + {Activation.Name}";
        return $"{Spec.LayerInputs(layer)} → {Spec.LayerOutputs(layer)}, {kind}{(Spec.Bias ? "" : ", no bias")}";
    }

    /// <summary>Initial value of a pre-activation: the bias at <c>layerBase + biasIndex</c>, or zero without biases.</summary>
    protected string BiasOrZero(Isa isa, ParameterLayout layout, string layerBase, string biasIndex) =>
        Spec.Bias ? layout.Read(isa, layerBase, biasIndex) : isa.Zero(T);

    /// <summary>Offset of feature <paramref name="k"/> of sample <c>s</c> in a feature-major batch.</summary>
    protected static string FeatureOffset(int k) => k switch
    {
        0 => "s",
        1 => "batch + s",
        _ => $"{k} * batch + s",
    };

    /// <summary>
    /// Emits the whole forward pass of the current sample vector or network vector, from inputs <c>x0..</c> (already in
    /// locals) to <paramref name="store"/>(o, y_o). Layer 1 and the output layer are written out; hidden layers
    /// 2..Depth run in a loop over <c>o</c>, the layer's parameter offset, since they share one shape. Every
    /// pre-activation is <c>b_j</c> (or 0) followed by <c>FusedMultiplyAdd(W[j, i], input_i, ·)</c> for i ascending,
    /// the order <c>GenericNetwork</c> uses. <paramref name="afterHidden"/>, when given, runs after each hidden layer
    /// with the layer's activations (the backward pass stores them); <paramref name="keepPreActivation"/>, when given, runs
    /// with (neuron index expression, pre-activation) just before each activation is applied.
    /// </summary>
    protected void ForwardLayers(Isa isa, ParameterLayout layout, System.Action<int, string> store,
        System.Action<System.Func<int, string>>? afterHidden = null, System.Action<string, string>? keepPreActivation = null) =>
        ForwardLayers(isa, layout, (o, _, value) => store(o, value), vectors: 1, afterHidden, keepPreActivation);

    /// <summary>
    /// The forward pass of <paramref name="vectors"/> independent vectors of samples at once (unrolled shapes only):
    /// every statement is written once per vector v, with locals named <see cref="Local"/>(name, v), so a layer has
    /// <c>vectors · Width</c> independent FMA chains instead of <c>Width</c>. Each vector's arithmetic, and so each sample's
    /// result, is exactly the one-vector pass's. <paramref name="store"/> gets (o, v, y_o of vector v).
    /// </summary>
    protected void ForwardLayers(Isa isa, ParameterLayout layout, System.Action<int, int, string> store, int vectors) =>
        ForwardLayers(isa, layout, store, vectors, afterHidden: null, keepPreActivation: null);

    private void ForwardLayers(Isa isa, ParameterLayout layout, System.Action<int, int, string> store, int vectors,
        System.Action<System.Func<int, string>>? afterHidden, System.Action<string, string>? keepPreActivation)
    {
        string first = layout.LayerBase(0);
        W.Comment($"Layer 1: {DescribeLayer(1)}.");
        if (Spec.Unrolled)
            DenseUnrolled(isa, layout, first, Spec.InputDim, Width, vectors, (k, v) => Local($"x{k}", v, vectors), "h", null, activate: true, keepPreActivation);
        else
            DenseLooped(isa, layout, first, Spec.InputDim, k => $"x{k}", inputsUnrolled: true, "h", keepPreActivation);
        afterHidden?.Invoke(Hidden);
        if (Spec.Depth > 1)
        {
            W.Comment($"{HiddenLayers}: {DescribeLayer(2)}; o is the layer's parameter offset.");
            using (W.Block($"for (nint o = {layout.LayerBase(FirstHidden)}; o < {layout.LayerBase(OutputOffset)}; o += {HiddenStride * layout.Scale})"))
            {
                if (Spec.Unrolled)
                    DenseUnrolled(isa, layout, "o", Width, Width, vectors, (i, v) => Local($"h{i}", v, vectors), "z", "h", activate: true, keepPreActivation);
                else
                {
                    DenseLooped(isa, layout, "o", Width, i => "h[i]", inputsUnrolled: false, "z", keepPreActivation);
                    W.Line("z.CopyTo(h);");
                }
                afterHidden?.Invoke(Hidden);
            }
        }
        W.Comment($"Output layer {Spec.LayerCount}: {DescribeLayer(Spec.LayerCount)}.");
        W.Line($"nint last = {layout.LayerBase(OutputOffset)};");
        if (Spec.Unrolled)
            DenseUnrolled(isa, layout, "last", Width, Spec.OutputDim, vectors, (i, v) => Local($"h{i}", v, vectors), "y", null, Spec.OutputActivation, keepPreActivation);
        else
            OutputLooped(isa, layout, keepPreActivation);
        for (int o = 0; o < Spec.OutputDim; o++)
            for (int v = 0; v < vectors; v++)
                store(o, v, Local($"y{o}", v, vectors));
    }

    /// <summary>The local <paramref name="name"/> of vector <paramref name="v"/>: the name itself when one vector is processed, else <c>name_v</c>.</summary>
    protected static string Local(string name, int v, int vectors) => vectors == 1 ? name : $"{name}_{v}";

    /// <summary>The element offset of vector <paramref name="v"/> past the loop's sample <c>s</c>: empty for the first.</summary>
    protected static string VectorOffset(Isa isa, string t, int v) => v switch
    {
        0 => "",
        1 => $" + {isa.Count(t)}",
        _ => $" + {v} * {isa.Count(t)}",
    };

    /// <summary>Looped kernels keep a layer's activations in two stack spans, <c>h</c> (current) and <c>z</c> (next).</summary>
    protected void DeclareHiddenSpans(Isa isa)
    {
        if (Spec.Unrolled)
            return;
        W.Line($"{Names.Span}<{isa.Type(T)}> h = stackalloc {isa.Type(T)}[{Width}];");
        W.Line($"{Names.Span}<{isa.Type(T)}> z = stackalloc {isa.Type(T)}[{Width}];");
    }

    /// <summary>Loads the current samples' inputs into locals <c>x0..</c> (feature-major), of each of <paramref name="vectors"/> consecutive vectors.</summary>
    protected void LoadInputs(Isa isa, int vectors = 1)
    {
        W.Comment("Inputs (feature-major).");
        for (int k = 0; k < Spec.InputDim; k++)
            for (int v = 0; v < vectors; v++)
                W.Line($"{isa.Type(T)} {Local($"x{k}", v, vectors)} = {isa.Load("x", FeatureOffset(k) + VectorOffset(isa, T, v))};");
    }

    /// <summary>"Layer 2" or "Layers 2..Depth": the hidden layers the depth loop runs.</summary>
    protected string HiddenLayers => Spec.Depth == 2 ? "Layer 2" : $"Layers 2..{Spec.Depth}";

    /// <summary>Hidden activation j of the current layer: a local when unrolled, a span element when looped.</summary>
    protected string Hidden(int j) => Spec.Unrolled ? $"h{j}" : $"h[{j}]";

    /// <summary>
    /// One dense layer with every neuron unrolled: accumulators <c>{acc}j</c> start at the bias (or zero), then
    /// <c>acc_j = FusedMultiplyAdd(W[j, i], input_i, acc_j)</c> with i outer and j (then the vector v) inner, so the
    /// j and v chains are independent and hide the FMA latency. Each output is then activated into <c>{output}j</c>
    /// (in place when null).
    /// </summary>
    private void DenseUnrolled(Isa isa, ParameterLayout layout, string layerBase, int inputs, int outputs, int vectors,
        System.Func<int, int, string> input, string acc, string? output, bool activate, System.Action<string, string>? keep)
    {
        string Acc(int j, int v) => Local($"{acc}{j}", v, vectors);
        for (int j = 0; j < outputs; j++)
            for (int v = 0; v < vectors; v++)
                W.Line($"{isa.Type(T)} {Acc(j, v)} = {BiasOrZero(isa, layout, layerBase, Literal(outputs * inputs + j))};");
        for (int i = 0; i < inputs; i++)
            for (int j = 0; j < outputs; j++)
                for (int v = 0; v < vectors; v++)
                    W.Line($"{Acc(j, v)} = {isa.Fma(T, layout.Read(isa, layerBase, Literal(j * inputs + i)), input(i, v), Acc(j, v))};");
        for (int j = 0; j < outputs; j++)
            for (int v = 0; v < vectors; v++)
            {
                if (activate)
                    keep?.Invoke(Literal(j), Acc(j, v));
                string value = activate ? Activation.Apply(isa, T, Acc(j, v)) : Acc(j, v);
                if (output is not null)
                    W.Line($"{Local($"{output}{j}", v, vectors)} = {value};");
                else if (activate)
                    W.Line($"{Acc(j, v)} = {value};");
            }
    }

    /// <summary>
    /// One dense layer into a hidden span (<c>h</c> or <c>z</c>), looping over neurons j; the inputs are unrolled
    /// locals (layer 1: at most <c>MaxDim</c> of them) or looped over i.
    /// </summary>
    private void DenseLooped(Isa isa, ParameterLayout layout, string layerBase, int inputs,
        System.Func<int, string> input, bool inputsUnrolled, string output, System.Action<string, string>? keep)
    {
        using (W.Block($"for (int j = 0; j < {Width}; j++)"))
        {
            W.Line($"{isa.Type(T)} acc = {BiasOrZero(isa, layout, layerBase, $"{Width * inputs} + j")};");
            if (inputsUnrolled)
            {
                for (int k = 0; k < inputs; k++)
                    W.Line($"acc = {isa.Fma(T, layout.Read(isa, layerBase, Index("j", inputs, k)), input(k), "acc")};");
            }
            else
            {
                using (W.Block($"for (int i = 0; i < {inputs}; i++)"))
                    W.Line($"acc = {isa.Fma(T, layout.Read(isa, layerBase, $"j * {inputs} + i"), input(0), "acc")};");
            }
            keep?.Invoke("j", "acc");
            W.Line($"{output}[j] = {Activation.Apply(isa, T, "acc")};");
        }
    }

    /// <summary>The output layer from the hidden span <c>h</c>, into locals <c>y0..</c>, looping over the hidden neurons.</summary>
    private void OutputLooped(Isa isa, ParameterLayout layout, System.Action<string, string>? keep)
    {
        for (int o = 0; o < Spec.OutputDim; o++)
            W.Line($"{isa.Type(T)} y{o} = {BiasOrZero(isa, layout, "last", Literal(Spec.OutputDim * Width + o))};");
        using (W.Block($"for (int i = 0; i < {Width}; i++)"))
        {
            for (int o = 0; o < Spec.OutputDim; o++)
                W.Line($"y{o} = {isa.Fma(T, layout.Read(isa, "last", Index("i", 1, 0, o * Width)), "h[i]", $"y{o}")};");
        }
        if (Spec.OutputActivation)
            for (int o = 0; o < Spec.OutputDim; o++)
            {
                keep?.Invoke(Literal(o), $"y{o}");
                W.Line($"y{o} = {Activation.Apply(isa, T, $"y{o}")};");
            }
    }

    /// <summary>The expression <c>variable * scale + constant + extra</c>, without the parts that are 1 or 0.</summary>
    protected static string Index(string variable, int scale, int constant, int extra = 0)
    {
        string term = scale == 1 ? variable : $"{variable} * {scale}";
        int sum = constant + extra;
        return sum == 0 ? term : $"{term} + {sum}";
    }

    protected static string Literal(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
