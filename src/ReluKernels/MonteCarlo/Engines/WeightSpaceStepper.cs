using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Weight-space step without biases: each lane carries a⁺ = x_l(+1) and a⁻ = x_l(−1); a fresh lane starts from the
/// input embedded as (±1, 0, …, 0), so layer 1 is column 0 of a width × width draw — for every supported distribution that
/// column has the law of a width × 1 first layer up to a positive scale, which zero patterns ignore. The weights of the
/// next layer are drawn only when it is reached (lazily), 16·width² at a time, as <c>W[i, j, lane]</c>; uniform weights
/// are U[−1, 1) and orthogonal ones Gaussian columns orthonormalised per lane (scales are irrelevant to zero patterns).
/// The width is a run-time value; <see cref="GeneratedWeightSpaceStepper{TNet}"/> runs the same step, draw for draw,
/// with the width unrolled by the source generator.
/// </summary>
internal struct WeightSpaceStepper : ILaneStepper
{
    private const int Lanes = ILaneStepper.Lanes;
    private readonly int _width;
    private readonly WeightDistribution _distribution;
    private readonly DrawBuffer _draws;
    private float[] _plus, _minus, _nextPlus, _nextMinus;

    public WeightSpaceStepper(int width, WeightDistribution distribution)
    {
        _width = width;
        _distribution = distribution;
        _draws = new DrawBuffer(width * width * Lanes, distribution == WeightDistribution.SymmetricUniform ? DrawKind.SymmetricUniform : DrawKind.Normal);
        _plus = new float[width * Lanes];
        _minus = new float[width * Lanes];
        _nextPlus = new float[width * Lanes];
        _nextMinus = new float[width * Lanes];
    }

    public readonly void Restart() => _draws.Restart();

    public readonly void Reset(Vector512<int> lanes) => ResetLanes(_plus, _minus, _width, lanes);

    /// <summary>Puts the input x = ±1, embedded as (±1, 0, …, 0), in the <paramref name="lanes"/> of a weight-space state.</summary>
    internal static void ResetLanes(float[] plus, float[] minus, int width, Vector512<int> lanes)
    {
        var mask = lanes.AsSingle();
        ref float p = ref plus[0], m = ref minus[0];
        for (int j = 0; j < width; j++)
        {
            var value = j == 0 ? Vector512<float>.One : Vector512<float>.Zero;
            Vector512.ConditionalSelect(mask, value, Vector512.LoadUnsafe(ref p, (nuint)(j * Lanes))).StoreUnsafe(ref p, (nuint)(j * Lanes));
            Vector512.ConditionalSelect(mask, -value, Vector512.LoadUnsafe(ref m, (nuint)(j * Lanes))).StoreUnsafe(ref m, (nuint)(j * Lanes));
        }
    }

    public void Step(ref CounterRng rng, out Vector512<int> zeroAtPlus, out Vector512<int> zeroAtMinus)
    {
        int n = _width;
        var weights = _draws.Take(n * n * Lanes, ref rng);
        if (_distribution == WeightDistribution.Orthogonal)
            LaneGramSchmidt.OrthonormaliseColumns(weights, n);
        var zero = Vector512<float>.Zero;
        ref float w = ref weights[0];
        ref float plus = ref _plus[0], minus = ref _minus[0];
        ref float nextPlus = ref _nextPlus[0], nextMinus = ref _nextMinus[0];
        Vector512<float> largest = zero, anyPlus = zero, anyMinus = zero;
        for (int i = 0; i < n; i++)
        {
            Vector512<float> zp = zero, zm = zero;
            for (int j = 0; j < n; j++)
            {
                var wij = Vector512.LoadUnsafe(ref w, (nuint)((i * n + j) * Lanes));
                zp = Vector512.FusedMultiplyAdd(wij, Vector512.LoadUnsafe(ref plus, (nuint)(j * Lanes)), zp);
                zm = Vector512.FusedMultiplyAdd(wij, Vector512.LoadUnsafe(ref minus, (nuint)(j * Lanes)), zm);
            }
            zp = Vector512.Max(zp, zero);
            zm = Vector512.Max(zm, zero);
            anyPlus |= Vector512.GreaterThan(zp, zero);
            anyMinus |= Vector512.GreaterThan(zm, zero);
            largest = Vector512.Max(largest, Vector512.Max(zp, zm));
            zp.StoreUnsafe(ref nextPlus, (nuint)(i * Lanes));
            zm.StoreUnsafe(ref nextMinus, (nuint)(i * Lanes));
        }
        // Rescale each lane by a power of two to a largest value in [1, 2): zero patterns ignore positive scale, and float
        // must not overflow or underflow over hundreds of layers.
        var scale = PowerOfTwoScale.InverseOf(largest);
        for (int i = 0; i < n; i++)
        {
            (Vector512.LoadUnsafe(ref nextPlus, (nuint)(i * Lanes)) * scale).StoreUnsafe(ref nextPlus, (nuint)(i * Lanes));
            (Vector512.LoadUnsafe(ref nextMinus, (nuint)(i * Lanes)) * scale).StoreUnsafe(ref nextMinus, (nuint)(i * Lanes));
        }
        (_plus, _nextPlus) = (_nextPlus, _plus);
        (_minus, _nextMinus) = (_nextMinus, _minus);
        zeroAtPlus = ~anyPlus.AsInt32();
        zeroAtMinus = ~anyMinus.AsInt32();
    }
}

/// <summary>The lazy weight-space engine (<see cref="EngineKind.WeightSpace"/>) for any width: the fallback where no generated stepper exists.</summary>
internal sealed class WeightSpaceEngine(CollapseExperiment experiment) : CollapseEngine(experiment)
{
    private WeightSpaceStepper _first = new(experiment.Width, experiment.Weights), _second = new(experiment.Width, experiment.Weights);

    public override void Run(ref CounterRng rng, int trials, CollapseTally tally) =>
        LaneScheduler.Run(ref _first, ref _second, Experiment, ref rng, trials, tally);
}
