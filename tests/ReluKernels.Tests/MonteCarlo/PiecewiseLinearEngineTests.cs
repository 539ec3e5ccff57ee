using ReluKernels.Analysis;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// The exact biased engine (<see cref="EngineKind.PiecewiseLinear"/>) against the plain algorithm it speeds up: every
/// layer through <see cref="PiecewiseLinearPropagator"/>, no early exit, the probe evaluated on the representation.
/// Kernel trait: the propagator's Vector512 arithmetic must decide the same on every ISA path CI runs.
/// </summary>
[Trait("Category", "Kernel")]
public sealed class PiecewiseLinearEngineTests
{
    private const int Networks = 400;

    public static TheoryData<int, int, WeightDistribution, double, BiasDistribution, double, bool> Experiments => new()
    {
        // width, depth, weights, σ_b, bias law, probe, whether networks come back to life after a dead layer (a layer
        // relu(b) ≠ 0): narrow deep cells where most die and most of those revive, and wider ones (one and three vectors
        // of neurons per point) where the propagation itself is long.
        { 2, 12, WeightDistribution.HeNormal, 0.5, BiasDistribution.Normal, 1, true },
        { 3, 12, WeightDistribution.HeNormal, 1, BiasDistribution.Normal, 0.25, true },
        { 3, 10, WeightDistribution.SymmetricUniform, 0.5, BiasDistribution.Normal, 1, true },
        { 5, 10, WeightDistribution.HeNormal, 0.3, BiasDistribution.HalfNormal, -1, false },
        { 9, 8, WeightDistribution.HeNormal, 0.5, BiasDistribution.Constant, 1, false },
        { 17, 6, WeightDistribution.HeNormal, 0.5, BiasDistribution.Normal, 0.5, false },
        { 4, 10, WeightDistribution.Rai, 0, BiasDistribution.Normal, 1, false },
    };

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Each_network_gets_the_outcome_of_full_propagation(int width, int depth, WeightDistribution weights,
        double biasStd, BiasDistribution bias, double probe, bool revives)
    {
        var e = new CollapseExperiment(width, depth, weights, biasStd, radius: 1, probe, bias);
        var engine = CollapseEngines.Create(EngineKind.PiecewiseLinear, e);
        var reference = new FullPropagation(e);
        int revived = 0;
        for (ulong k = 0; k < Networks; k++)
        {
            var tally = new CollapseTally(depth);
            var rng = new CounterRng(31, k);
            engine.Run(ref rng, 1, tally);
            var expected = reference.Outcome(new CounterRng(31, k));
            int firstDead = tally.Collapsed == 0 ? 0 : tally.FirstDeadLayer.IndexOf(1L);
            Assert.True(expected.FirstDead == firstDead, $"network {k}: first dead layer {firstDead}, full propagation {expected.FirstDead}");
            Assert.Equal(expected.ZeroAtProbe, tally.ZeroAtProbeByDepth().Select(c => c == 1).ToArray());
            if (expected.FirstDead > 0 && expected.ZeroAtProbe.Skip(expected.FirstDead).Contains(false))
                revived++;
        }
        // The early exit carries a dead network on as a constant vector; make sure that path ran where it matters.
        Assert.True(!revives || revived > 0, $"no network came back to life after a dead layer in {Networks}");
    }

    [Fact]
    public void Rates_agree_with_networks_drawn_one_layer_call_at_a_time()
    {
        // The engine takes its normals from 4096-value chunks; the scalar engine it replaced drew each layer's W and b
        // with their own generator calls. Both are i.i.d. N(0, 1) in the same roles, so the laws are equal: compare the
        // per-depth collapse and zero-at-probe rates of the two at α = 1e-6 (Bonferroni over both curves).
        var e = new CollapseExperiment(3, 8, biasStd: 0.5);
        const int Trials = 40_000;
        var fast = Simulate.Run(e, EngineKind.PiecewiseLinear, Trials, seed: 77);
        var perCall = new FullPropagation(e, chunked: false);
        var slow = new CollapseTally(e.Depth);
        for (ulong block = 0; block < Trials / 1_000; block++)
            perCall.Run(new CounterRng(78, block), 1_000, slow);
        var fastZero = fast.ZeroAtProbeByDepth();
        var slowZero = slow.ZeroAtProbeByDepth();
        for (int d = 1; d <= e.Depth; d++)
        {
            TwoSampleAssert.SameProportion(fast.CollapsedByDepth(d), Trials, slow.CollapsedByDepth(d), Trials, 2 * e.Depth, $"collapse at depth {d}");
            TwoSampleAssert.SameProportion(fastZero[d - 1], Trials, slowZero[d - 1], Trials, 2 * e.Depth, $"zero at the probe at depth {d}");
        }
    }

    /// <summary>The scalar algorithm: every layer propagated, the probe evaluated after each; draws chunked like the engine's or one generator call per layer.</summary>
    private sealed class FullPropagation(CollapseExperiment e, bool chunked = true)
    {
        private readonly BiasedLayerDraws _draws = new(e);
        private readonly LayerInitializer _initializer = NormalInitializer.HeWithoutBias;
        private readonly PiecewiseLinearPropagator _propagator = new(e.Width);
        private readonly double[] _weights = new double[e.Width * e.Width], _biases = new double[e.Width], _output = new double[e.Width];

        public (int FirstDead, bool[] ZeroAtProbe) Outcome(CounterRng rng)
        {
            _draws.Restart();
            return Network(ref rng);
        }

        public void Run(CounterRng rng, int trials, CollapseTally tally)
        {
            _draws.Restart();
            for (int t = 0; t < trials; t++)
            {
                var (firstDead, zero) = Network(ref rng);
                for (int l = 1; l <= e.Depth; l++)
                    if (zero[l - 1])
                        tally.MarkZeroAtProbe(l);
                tally.Record(firstDead, 0);
            }
        }

        private (int FirstDead, bool[] ZeroAtProbe) Network(ref CounterRng rng)
        {
            int n = e.Width, firstDead = 0;
            var zero = new bool[e.Depth];
            _propagator.Start(e.Radius);
            for (int l = 1; l <= e.Depth; l++)
            {
                var w = _weights.AsSpan(0, n * (l == 1 ? 1 : n));
                if (chunked)
                    _draws.Draw(l, w, _biases, ref rng);
                else
                {
                    _initializer.DrawLayer(new LayerShape(l, l == 1 ? 1 : n, n, HasBias: false), w, Span<double>.Empty, ref rng);
                    rng.FillNormal(_biases);
                    for (int j = 0; j < n; j++)
                        _biases[j] *= e.BiasStd;
                }
                if (_propagator.ApplyLayer(w, _biases, n, relu: true).IdenticallyZero && firstDead == 0)
                    firstDead = l;
                _propagator.Evaluate(e.Probe, _output);
                zero[l - 1] = _output.All(v => v == 0);
            }
            return (firstDead, zero);
        }
    }
}
