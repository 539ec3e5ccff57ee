using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// The lazy weight-space step of <see cref="WeightSpaceStepper"/> with the layer itself in generated code
/// (<see cref="IWeightSpaceStep{TSelf}.WeightSpaceStep"/>, width unrolled, state in registers, rescaled in place). The
/// draws stay here and are taken exactly as the hand-written stepper takes them — one <see cref="DrawBuffer"/> request
/// of 16·width² values per layer, orthonormalised per lane for orthogonal weights — so both give identical counts
/// from the same stream.
/// </summary>
/// <typeparam name="TNet">A generated shape; only its width is used.</typeparam>
internal struct GeneratedWeightSpaceStepper<TNet> : ILaneStepper
    where TNet : IWeightSpaceStep<TNet>
{
    private const int Lanes = ILaneStepper.Lanes;
    private readonly int _width;
    private readonly WeightDistribution _distribution;
    private readonly DrawBuffer _draws;
    private readonly float[] _plus, _minus;

    public GeneratedWeightSpaceStepper(WeightDistribution distribution)
    {
        _width = TNet.Architecture.Width;
        _distribution = distribution;
        _draws = new DrawBuffer(_width * _width * Lanes, distribution == WeightDistribution.SymmetricUniform ? DrawKind.SymmetricUniform : DrawKind.Normal);
        _plus = new float[_width * Lanes];
        _minus = new float[_width * Lanes];
    }

    /// <summary>What reports call this code: "generated stepper" and the shape's type name.</summary>
    public static string Code => $"generated stepper {typeof(TNet).Name}";

    public readonly void Restart() => _draws.Restart();

    public readonly void Reset(Vector512<int> lanes) => WeightSpaceStepper.ResetLanes(_plus, _minus, _width, lanes);

    public readonly void Step(ref CounterRng rng, out Vector512<int> zeroAtPlus, out Vector512<int> zeroAtMinus)
    {
        var weights = _draws.Take(_width * _width * Lanes, ref rng);
        if (_distribution == WeightDistribution.Orthogonal)
            LaneGramSchmidt.OrthonormaliseColumns(weights, _width);
        TNet.WeightSpaceStep(weights, _plus, _minus, out zeroAtPlus, out zeroAtMinus);
    }
}

/// <summary>The lazy weight-space engine (<see cref="EngineKind.WeightSpace"/>) on the generated step of <typeparamref name="TNet"/>.</summary>
/// <typeparam name="TNet">A generated shape of the experiment's width.</typeparam>
internal sealed class GeneratedWeightSpaceEngine<TNet> : CollapseEngine
    where TNet : IWeightSpaceStep<TNet>
{
    private GeneratedWeightSpaceStepper<TNet> _first, _second;

    public GeneratedWeightSpaceEngine(CollapseExperiment experiment)
        : base(experiment)
    {
        if (experiment.Width != TNet.Architecture.Width)
            throw new ArgumentException($"{typeof(TNet).Name} has width {TNet.Architecture.Width}, the experiment {experiment.Width}.", nameof(experiment));
        _first = new(experiment.Weights);
        _second = new(experiment.Weights);
    }

    public override void Run(ref CounterRng rng, int trials, CollapseTally tally) =>
        LaneScheduler.Run(ref _first, ref _second, Experiment, ref rng, trials, tally);
}
