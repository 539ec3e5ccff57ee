using ReluKernels.Analysis;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Exact collapse detection with biases (<see cref="EngineKind.PiecewiseLinear"/>): each network is drawn layer by layer
/// in double and carried as a continuous piecewise-linear function of x on Ω (docs/definitions.md#exactness-of-detection), so "some hidden layer is
/// identically zero on Ω" is decided exactly rather than on a grid. Scalar and one network at a time: breakpoint lists
/// differ per network, which leaves nothing for SIMD lanes to share.
/// </summary>
internal sealed class PiecewiseLinearEngine : CollapseEngine
{
    private readonly LayerInitializer _weights;
    private readonly PiecewiseLinearPropagator _propagator;
    private readonly double[] _layerWeights, _biases, _probeOutput;

    public PiecewiseLinearEngine(CollapseExperiment experiment) : base(experiment)
    {
        _weights = WeightInitializers.For(experiment.Weights);
        // Narrow random nets have tens of breakpoints; 4096 makes buffer growth (an allocation) practically never happen.
        _propagator = new PiecewiseLinearPropagator(experiment.Width, pointCapacity: 4096);
        _layerWeights = new double[experiment.Width * experiment.Width];
        _biases = new double[experiment.Width];
        _probeOutput = new double[experiment.Width];
    }

    public override void Run(ref CounterRng rng, int trials, CollapseTally tally)
    {
        var e = Experiment;
        int n = e.Width;
        for (int t = 0; t < trials; t++)
        {
            _propagator.Start(e.Radius);
            int firstDead = 0;
            for (int l = 1; l <= e.Depth; l++)
            {
                int fanIn = l == 1 ? 1 : n;
                var weights = _layerWeights.AsSpan(0, n * fanIn);
                if (e.Weights == WeightDistribution.Rai)
                    _weights.DrawLayer(new LayerShape(l, fanIn, n, HasBias: true), weights, _biases, ref rng);
                else
                {
                    _weights.DrawLayer(new LayerShape(l, fanIn, n, HasBias: false), weights, Span<double>.Empty, ref rng);
                    DrawBiases(e, ref rng);
                }
                var report = _propagator.ApplyLayer(weights, _biases, n, relu: true);
                if (firstDead == 0 && report.IdenticallyZero)
                    firstDead = l;
                _propagator.Evaluate(e.Probe, _probeOutput);
                if (_probeOutput.AsSpan().IndexOfAnyExcept(0.0) < 0)
                    tally.MarkZeroAtProbe(l);
            }
            tally.Record(firstDead, zeroAtProbeFrom: 0);
        }
    }

    private void DrawBiases(CollapseExperiment e, ref CounterRng rng)
    {
        if (e.Bias == BiasDistribution.Constant)
        {
            _biases.AsSpan().Fill(e.BiasStd);
            return;
        }
        rng.FillNormal(_biases.AsSpan());
        InitDraw.ScaleShift<double>(_biases, e.BiasStd, 0);
        if (e.Bias == BiasDistribution.HalfNormal)
            for (int i = 0; i < _biases.Length; i++)
                _biases[i] = Math.Abs(_biases[i]);
    }
}
