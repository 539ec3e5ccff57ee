using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Weight-space step without biases: each lane carries a⁺ = x_l(+1) and a⁻ = x_l(−1); a fresh lane starts from the
/// input embedded as (±1, 0, …, 0), so layer 1 is column 0 of a width × width draw — for every supported distribution that
/// column has the law of a width × 1 first layer up to a positive scale, which zero patterns ignore. The weights of the
/// next layer are drawn only when it is reached (lazily), 16·width² at a time, into <c>W[i, j, lane]</c>.
/// </summary>
internal struct WeightSpaceStepper : ILaneStepper
{
    private const int Lanes = ILaneStepper.Lanes;
    private readonly int _width;
    private readonly WeightDistribution _distribution;
    private readonly float[] _weights;
    private float[] _plus, _minus, _nextPlus, _nextMinus;

    public WeightSpaceStepper(int width, WeightDistribution distribution)
    {
        _width = width;
        _distribution = distribution;
        _weights = new float[width * width * Lanes];
        _plus = new float[width * Lanes];
        _minus = new float[width * Lanes];
        _nextPlus = new float[width * Lanes];
        _nextMinus = new float[width * Lanes];
    }

    public readonly void Reset(int lane)
    {
        for (int j = 0; j < _width; j++)
        {
            _plus[j * Lanes + lane] = j == 0 ? 1f : 0f;
            _minus[j * Lanes + lane] = j == 0 ? -1f : 0f;
        }
    }

    public void Step(ref CounterRng rng, out uint zeroAtPlus, out uint zeroAtMinus)
    {
        DrawWeights(ref rng);
        int n = _width;
        var zero = Vector512<float>.Zero;
        ref float w = ref _weights[0];
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
        // Rescale each lane to max 1: zero patterns ignore positive scale, and float must not overflow or underflow over
        // hundreds of layers.
        var scale = Vector512.ConditionalSelect(Vector512.GreaterThan(largest, zero), Vector512<float>.One / largest, zero);
        for (int i = 0; i < n; i++)
        {
            (Vector512.LoadUnsafe(ref nextPlus, (nuint)(i * Lanes)) * scale).StoreUnsafe(ref nextPlus, (nuint)(i * Lanes));
            (Vector512.LoadUnsafe(ref nextMinus, (nuint)(i * Lanes)) * scale).StoreUnsafe(ref nextMinus, (nuint)(i * Lanes));
        }
        (_plus, _nextPlus) = (_nextPlus, _plus);
        (_minus, _nextMinus) = (_nextMinus, _minus);
        zeroAtPlus = ~(uint)anyPlus.ExtractMostSignificantBits() & 0xFFFFu;
        zeroAtMinus = ~(uint)anyMinus.ExtractMostSignificantBits() & 0xFFFFu;
    }

    private readonly void DrawWeights(ref CounterRng rng)
    {
        switch (_distribution)
        {
            case WeightDistribution.HeNormal:
                rng.FillNormal(_weights);
                break;
            case WeightDistribution.SymmetricUniform:
                InitDraw.Symmetric<float>(_weights, 1, ref rng);
                break;
            case WeightDistribution.Orthogonal:
                rng.FillNormal(_weights);
                LaneGramSchmidt.OrthonormaliseColumns(_weights, _width);
                break;
        }
    }
}

/// <summary>The lazy weight-space engine (<see cref="EngineKind.WeightSpace"/>).</summary>
internal sealed class WeightSpaceEngine(CollapseExperiment experiment) : CollapseEngine(experiment)
{
    private WeightSpaceStepper _stepper = new(experiment.Width, experiment.Weights);

    public override EngineKind Kind => EngineKind.WeightSpace;

    public override void Run(ref CounterRng rng, int trials, CollapseTally tally) =>
        LaneScheduler.Run(ref _stepper, Experiment, ref rng, trials, tally);
}
