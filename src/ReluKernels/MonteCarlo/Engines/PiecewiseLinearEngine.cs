using ReluKernels.Analysis;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Exact collapse detection with biases (<see cref="EngineKind.PiecewiseLinear"/>): each network is drawn layer by layer
/// in double and carried as a continuous piecewise-linear function of x on Ω (docs/definitions.md#exactness-of-detection), so "some hidden layer is
/// identically zero on Ω" is decided exactly rather than on a grid. One network at a time: breakpoint lists differ per
/// network. Once a layer is identically zero every later layer is a constant vector <c>relu(W·c + b)</c> on Ω, so the
/// rest of the network is propagated as that one vector (the same operations, in the same order, as the propagator
/// applies at each of its points), only to say at which layers it is zero at the probe.
/// </summary>
internal sealed class PiecewiseLinearEngine : CollapseEngine
{
    private readonly BiasedLayerDraws _draws;
    private readonly PiecewiseLinearPropagator _propagator;
    private readonly double[] _layerWeights, _biases, _probeOutput, _constant;

    public PiecewiseLinearEngine(CollapseExperiment experiment) : base(experiment)
    {
        _draws = new BiasedLayerDraws(experiment);
        // Narrow random nets have tens of breakpoints; 4096 makes buffer growth (an allocation) practically never happen.
        _propagator = new PiecewiseLinearPropagator(experiment.Width, pointCapacity: 4096);
        _layerWeights = new double[experiment.Width * experiment.Width];
        _biases = new double[experiment.Width];
        _probeOutput = new double[experiment.Width];
        _constant = new double[experiment.Width];
    }

    public override void Run(ref CounterRng rng, int trials, CollapseTally tally)
    {
        var e = Experiment;
        int n = e.Width;
        _draws.Restart();
        for (int t = 0; t < trials; t++)
        {
            _propagator.Start(e.Radius);
            int firstDead = 0;
            for (int l = 1; l <= e.Depth; l++)
            {
                var weights = _layerWeights.AsSpan(0, n * (l == 1 ? 1 : n));
                _draws.Draw(l, weights, _biases, ref rng);
                bool zeroAtProbe;
                if (firstDead == 0)
                {
                    if (_propagator.ApplyLayer(weights, _biases, n, relu: true).IdenticallyZero)
                    {
                        firstDead = l;
                        Array.Clear(_constant);
                        zeroAtProbe = true;
                    }
                    else
                    {
                        _propagator.Evaluate(e.Probe, _probeOutput);
                        zeroAtProbe = _probeOutput.AsSpan().IndexOfAnyExcept(0.0) < 0;
                    }
                }
                else
                    zeroAtProbe = ApplyToConstant(weights, n);
                if (zeroAtProbe)
                    tally.MarkZeroAtProbe(l);
            }
            tally.Record(firstDead, zeroAtProbeFrom: 0);
        }
    }

    /// <summary>
    /// c ← relu(b + W·c) for the constant layer c, in the propagator's order (z = b, then FusedMultiplyAdd over the
    /// nonzero inputs ascending), so the result is the value the propagator would carry at every point; returns c = 0.
    /// </summary>
    private bool ApplyToConstant(ReadOnlySpan<double> weights, int n)
    {
        Span<double> z = stackalloc double[ShapeLimits.MaxWidth];
        z = z[..n];
        _biases.AsSpan().CopyTo(z);
        for (int i = 0; i < n; i++)
        {
            double c = _constant[i];
            if (c == 0)
                continue;
            for (int j = 0; j < n; j++)
                z[j] = Math.FusedMultiplyAdd(weights[j * n + i], c, z[j]);
        }
        bool zero = true;
        for (int j = 0; j < n; j++)
        {
            _constant[j] = Math.Max(z[j], 0);
            zero &= _constant[j] == 0;
        }
        return zero;
    }
}
