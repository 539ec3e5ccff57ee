using MathNet.Numerics.Statistics;
using ReluKernels.Statistics;
using ReluKernels.Theory;
using ReluKernels.Training;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Training;

/// <summary>
/// One width of a <see cref="TrainingSuccessExperiment"/>: the success count with its Wilson 95% interval beside Theorem 3's
/// trainability and the one-sided binomial test of "success probability ≤ trainability" (docs/statistics.md, α = 1e-6), plus
/// the trainability measured on the initial networks themselves. Property names are the JSON field names (camelCase).
/// </summary>
public sealed record TrainingSuccessReport
{
    /// <summary>f1 or f2.</summary>
    public required string Target { get; init; }
    /// <summary>The target's formula.</summary>
    public required string Formula { get; init; }
    /// <summary>Hidden width n.</summary>
    public required int Width { get; init; }
    /// <summary>Active neurons m the target needs.</summary>
    public required int Required { get; init; }
    /// <summary>r of Ω = [−r, r].</summary>
    public required double Radius { get; init; }
    /// <summary>Which kernel trained the networks.</summary>
    public required string Kernel { get; init; }
    /// <summary>The optimiser and its hyper-parameters.</summary>
    public required string Optimizer { get; init; }
    /// <summary>Samples per mini-batch (0 = full batch).</summary>
    public required int BatchSize { get; init; }
    /// <summary>Epochs per training (the most; early stopping may end a run sooner).</summary>
    public required int Epochs { get; init; }
    /// <summary>Test MSE below which a run counts as successful.</summary>
    public required double SuccessThreshold { get; init; }
    /// <summary>Trainings run.</summary>
    public required int Runs { get; init; }
    /// <summary>Successful trainings.</summary>
    public required int Successful { get; init; }
    /// <summary>Successful / runs with its Wilson 95% interval.</summary>
    public required WilsonInterval SuccessRate { get; init; }
    /// <summary>Lemma 11: the probability p̂ that one neuron is born dead on Ω.</summary>
    public required double PHat { get; init; }
    /// <summary>Theorem 3: P(at least m of n neurons alive at initialisation), an upper bound on the success probability.</summary>
    public required double Trainability { get; init; }
    /// <summary>P(X ≥ successes) for X ~ Bin(runs, trainability): the one-sided p-value of "success probability ≤ trainability".</summary>
    public required double BoundPValue { get; init; }
    /// <summary>Whether <see cref="BoundPValue"/> exceeds α = 1e-6, i.e. the successes do not significantly exceed the trainability.</summary>
    public required bool RespectsBound { get; init; }
    /// <summary>Initial networks with at least m neurons alive on Ω (exact).</summary>
    public required int TrainableAtInit { get; init; }
    /// <summary>TrainableAtInit / runs with its Wilson 95% interval: a direct estimate of <see cref="Trainability"/>.</summary>
    public required WilsonInterval SimulatedTrainability { get; init; }
    /// <summary>Whether <see cref="TrainableAtInit"/> agrees with Theorem 3 (two-sided binomial test, α = 1e-6).</summary>
    public required bool InitAgreesWithTheorem3 { get; init; }
    /// <summary>Successful runs whose initial network had fewer than m live neurons (the theory says none can succeed).</summary>
    public required int SuccessfulButUntrainable { get; init; }
    /// <summary>Runs that collapsed to a constant.</summary>
    public required int Collapsed { get; init; }
    /// <summary>Runs constant on part of Ω and not successful.</summary>
    public required int PartiallyCollapsed { get; init; }
    /// <summary>Runs that are none of the above and not successful.</summary>
    public required int Failed { get; init; }
    /// <summary>Runs that diverged.</summary>
    public required int Diverged { get; init; }
    /// <summary>Mean number of live neurons at initialisation.</summary>
    public required double MeanActiveAtInit { get; init; }
    /// <summary>Mean number of live neurons after training, over the runs that did not diverge (null if all did).</summary>
    public required double? MeanActiveAfterTraining { get; init; }
    /// <summary>Median test MSE over the runs that did not diverge (null if all did).</summary>
    public required double? MedianTestError { get; init; }

    /// <summary>Builds the report of one width.</summary>
    /// <param name="setup">What was run.</param>
    /// <param name="width">The hidden width n.</param>
    /// <param name="kernel">The kernel's description.</param>
    /// <param name="required">m.</param>
    /// <param name="runs">The trainings, classified.</param>
    /// <param name="activeAtInit">Per run, the live neurons of the initial network.</param>
    public static TrainingSuccessReport From(TrainingSuccessSetup setup, int width, string kernel, int required, IReadOnlyList<TrainingRun<float>> runs,
        IReadOnlyList<int> activeAtInit)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(activeAtInit);
        var outcomes = runs.Select(r => r.Outcome ?? throw new ArgumentException($"Run {r.Index} was not classified.", nameof(runs))).ToArray();
        int n = runs.Count;
        double radius = setup.Problem.Radius;
        int successes = outcomes.Count(o => o.Kind == OutcomeKind.Successful);
        int trainable = activeAtInit.Count(a => a >= required);
        double trainability = ShallowTrainability.Trainability(LayerScheme.NormalWithBias, width, required, 1, radius);
        var errors = outcomes.Where(o => o.Kind != OutcomeKind.Diverged).Select(o => o.TestError).ToArray();
        return new TrainingSuccessReport
        {
            Target = setup.Problem.Name,
            Formula = setup.Problem.Target.Name,
            Width = width,
            Required = required,
            Radius = radius,
            Kernel = kernel,
            Optimizer = setup.Training.Optimizer.ToString(),
            BatchSize = setup.Training.BatchSize,
            Epochs = setup.Training.MaxEpochs,
            SuccessThreshold = new OutcomeOptions().SuccessThreshold,
            Runs = n,
            Successful = successes,
            SuccessRate = WilsonInterval.Of(successes, n),
            PHat = BornDeadProbability.Value(1, radius),
            Trainability = trainability,
            BoundPValue = BinomialTest.UpperTail(successes, n, trainability),
            RespectsBound = BinomialTest.RespectsUpperBound(successes, n, trainability),
            TrainableAtInit = trainable,
            SimulatedTrainability = WilsonInterval.Of(trainable, n),
            InitAgreesWithTheorem3 = BinomialTest.AgreesWith(trainable, n, trainability),
            SuccessfulButUntrainable = Enumerable.Range(0, n).Count(r => outcomes[r].Kind == OutcomeKind.Successful && activeAtInit[r] < required),
            Collapsed = outcomes.Count(o => o.Kind == OutcomeKind.Collapsed),
            PartiallyCollapsed = outcomes.Count(o => o.Kind == OutcomeKind.PartiallyCollapsed),
            Failed = outcomes.Count(o => o.Kind == OutcomeKind.Failed),
            Diverged = outcomes.Count(o => o.Kind == OutcomeKind.Diverged),
            MeanActiveAtInit = activeAtInit.Average(a => (double)a),
            MeanActiveAfterTraining = outcomes.Where(o => o.Kind != OutcomeKind.Diverged).Select(o => (double?)(width - o.DeadHiddenNeurons)).Average(),
            MedianTestError = errors.Length > 0 ? errors.Median() : null,
        };
    }
}
