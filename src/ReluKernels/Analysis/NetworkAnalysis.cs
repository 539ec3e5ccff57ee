using System.Collections.ObjectModel;

namespace ReluKernels.Analysis;

/// <summary>
/// Which neurons of one network are dead on Ω, whether the network is collapsed, and how that was decided
/// (docs/definitions.md). Produced by <see cref="Analyze"/> (exact, 1-D input) or by <see cref="SampledDeadness"/>
/// (a finite point set; dead and collapse verdicts are then upper estimates).
/// </summary>
public sealed class NetworkAnalysis
{
    private NetworkAnalysis(NetworkArchitecture architecture, DetectionMethod method, string pointSetDescription,
        HiddenLayerAnalysis[] hiddenLayers, NeuronState[] outputStates, int? linearRegions)
    {
        Architecture = architecture;
        Method = method;
        PointSetDescription = pointSetDescription;
        HiddenLayers = Array.AsReadOnly(hiddenLayers);
        OutputStates = Array.AsReadOnly(outputStates);
        LinearRegions = linearRegions;
        FirstDeadLayer = Array.FindIndex(hiddenLayers, l => l.IsIdenticallyZero) + 1;
        IsConstant = Array.TrueForAll(outputStates, s => s != NeuronState.Active);
    }

    /// <summary>The analysed shape.</summary>
    public NetworkArchitecture Architecture { get; }

    /// <summary>How the verdicts were reached. With <see cref="DetectionMethod.Sampling"/> they are upper estimates.</summary>
    public DetectionMethod Method { get; }

    /// <summary>Whether dead/collapse verdicts are exact (every method but <see cref="DetectionMethod.Sampling"/>).</summary>
    public bool IsExact => Method != DetectionMethod.Sampling;

    /// <summary>The domain or the point set the verdicts refer to, e.g. "Ω = [-1, 1] (exact)".</summary>
    public string PointSetDescription { get; }

    /// <summary>Hidden layers 1..Depth, in order (index 0 is layer 1).</summary>
    public ReadOnlyCollection<HiddenLayerAnalysis> HiddenLayers { get; }

    /// <summary>State of each output neuron.</summary>
    public ReadOnlyCollection<NeuronState> OutputStates { get; }

    /// <summary>The first hidden layer (1-based) that is identically 0 on Ω, or 0 when none is.</summary>
    public int FirstDeadLayer { get; }

    /// <summary>Born dead (docs/definitions.md): some hidden layer is identically 0 on Ω.</summary>
    public bool IsCollapsed => FirstDeadLayer != 0;

    /// <summary>Whether the network's output is constant on Ω (every output neuron dead).</summary>
    public bool IsConstant { get; }

    /// <summary>Maximal intervals of Ω on which the output is affine (see <see cref="PiecewiseLinearPropagator.LinearRegionCount"/>); null for sampling and exact polygons.</summary>
    public int? LinearRegions { get; }

    /// <summary>State of neuron <paramref name="neuron"/> (0-based) of hidden layer <paramref name="layer"/> (1-based).</summary>
    public NeuronState StateOf(int layer, int neuron)
    {
        if (layer < 1 || layer > HiddenLayers.Count)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must be a hidden layer, 1..{HiddenLayers.Count}.");
        return HiddenLayers[layer - 1].States[neuron];
    }

    /// <summary>
    /// Exact analysis of a network with 1-D input on Ω = [−r, r] by piecewise-linear propagation
    /// (<see cref="DetectionMethod.PiecewiseLinear"/>), with or without biases.
    /// </summary>
    /// <param name="architecture">The shape; <see cref="NetworkArchitecture.InputDim"/> must be 1.</param>
    /// <param name="parameters">The network's parameters in the layout of <see cref="NetworkArchitecture"/>.</param>
    /// <param name="radius">r &gt; 0.</param>
    /// <remarks>Allocates its result and a propagator; in a hot loop use <see cref="PiecewiseLinearCollapse.FirstDeadLayer"/>.</remarks>
    /// <exception cref="ArgumentException">InputDim ≠ 1, a non-ReLU activation, or a parameter span of the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radius"/> is not positive and finite.</exception>
    public static NetworkAnalysis Analyze(NetworkArchitecture architecture, ReadOnlySpan<double> parameters, double radius = 1)
    {
        AnalysisArguments.CheckNetwork(architecture, parameters.Length);
        AnalysisArguments.CheckScalarInput(architecture, "Piecewise-linear analysis");
        AnalysisArguments.CheckRadius(radius);

        var propagator = new PiecewiseLinearPropagator(Math.Max(architecture.Width, architecture.OutputDim));
        propagator.Start(radius);
        var hidden = new NeuronState[architecture.Depth][];
        var output = new NeuronState[architecture.OutputDim];
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            propagator.ApplyLayer(AnalysisArguments.Weights(architecture, parameters, l), AnalysisArguments.Biases(architecture, parameters, l),
                architecture.LayerOutputs(l), AnalysisArguments.Activates(architecture, l));
            var states = l <= architecture.Depth ? hidden[l - 1] = new NeuronState[architecture.Width] : output;
            for (int j = 0; j < states.Length; j++)
                states[j] = propagator.StateOf(j);
        }
        return Create(architecture, parameters, hidden, output, DetectionMethod.PiecewiseLinear,
            propagator.LinearRegionCount, $"Ω = [{-radius}, {radius}] (exact)");
    }

    /// <summary>
    /// Exact analysis of a network with 2-D input on Ω = [−r, r]² by propagating convex polygons
    /// (<see cref="DetectionMethod.ExactPolygons"/>, see <see cref="PlanarPropagator"/>), with or without biases.
    /// </summary>
    /// <param name="architecture">The shape; <see cref="NetworkArchitecture.InputDim"/> must be 2.</param>
    /// <param name="parameters">The network's parameters in the layout of <see cref="NetworkArchitecture"/>.</param>
    /// <param name="radius">r &gt; 0.</param>
    /// <param name="maxRegions">The most polygons a layer may need (<see cref="PlanarPropagator.MaxRegions"/>).</param>
    /// <remarks>Allocates per layer: meant for one trained network at a time, not for Monte-Carlo loops.</remarks>
    /// <exception cref="ArgumentException">InputDim ≠ 2, a non-ReLU activation, or a parameter span of the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radius"/> is not positive and finite.</exception>
    /// <exception cref="InvalidOperationException">A layer needs more than <paramref name="maxRegions"/> polygons.</exception>
    public static NetworkAnalysis AnalyzePlanar(NetworkArchitecture architecture, ReadOnlySpan<double> parameters, double radius = 1,
        int maxRegions = PlanarPropagator.DefaultMaxRegions)
    {
        var propagator = PropagatePlanar(architecture, parameters, radius, maxRegions, out var hidden, out var output);
        return Create(architecture, parameters, hidden, output, DetectionMethod.ExactPolygons, linearRegions: null,
            $"Ω = [{-radius}, {radius}]² (exact polygons, {propagator.Regions.Count} at the output)");
    }

    /// <summary>Runs <paramref name="architecture"/> through a new <see cref="PlanarPropagator"/>, recording every layer's states.</summary>
    internal static PlanarPropagator PropagatePlanar(NetworkArchitecture architecture, ReadOnlySpan<double> parameters, double radius,
        int maxRegions, out NeuronState[][] hidden, out NeuronState[] output)
    {
        AnalysisArguments.CheckNetwork(architecture, parameters.Length);
        AnalysisArguments.CheckPlanarInput(architecture);
        AnalysisArguments.CheckRadius(radius);
        var propagator = new PlanarPropagator(maxRegions);
        propagator.Start(radius);
        hidden = new NeuronState[architecture.Depth][];
        output = new NeuronState[architecture.OutputDim];
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            propagator.ApplyLayer(AnalysisArguments.Weights(architecture, parameters, l), AnalysisArguments.Biases(architecture, parameters, l),
                architecture.LayerOutputs(l), AnalysisArguments.Activates(architecture, l));
            var states = l <= architecture.Depth ? hidden[l - 1] = new NeuronState[architecture.Width] : output;
            for (int j = 0; j < states.Length; j++)
                states[j] = propagator.StateOf(j);
        }
        return propagator;
    }

    /// <summary>Assembles a result, classifying dead neurons of layers &gt; 1 as permanently or tentatively dead.</summary>
    internal static NetworkAnalysis Create(NetworkArchitecture architecture, ReadOnlySpan<double> parameters, NeuronState[][] hidden,
        NeuronState[] output, DetectionMethod method, int? linearRegions, string pointSetDescription)
    {
        var layers = new HiddenLayerAnalysis[architecture.Depth];
        for (int l = 1; l <= architecture.Depth; l++)
        {
            var states = hidden[l - 1];
            var permanent = new bool[states.Length];
            if (l > 1)
            {
                var weights = AnalysisArguments.Weights(architecture, parameters, l);
                var biases = AnalysisArguments.Biases(architecture, parameters, l);
                int fanIn = architecture.LayerInputs(l);
                for (int j = 0; j < states.Length; j++)
                    permanent[j] = states[j] != NeuronState.Active
                        && PermanentDeath.HasNonPositiveParameters(weights.Slice(j * fanIn, fanIn), biases.IsEmpty ? 0 : biases[j]);
            }
            layers[l - 1] = new HiddenLayerAnalysis(l, states, permanent);
        }
        return new NetworkAnalysis(architecture, method, pointSetDescription, layers, output, linearRegions);
    }
}
