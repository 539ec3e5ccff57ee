using ReluKernels.Experiments.Training;
using ReluKernels.Statistics;
using ReluKernels.Training;
using ReluKernels.Training.Layers;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Remedies;

/// <summary>
/// Lu, Su &amp; Karniadakis's remedy study (2019, §5) at Monte-Carlo scale: the same deep, narrow network trained from many
/// seeds under each <see cref="Remedy"/> with the same data and budget, each trained network classified from its sampled
/// outputs (<see cref="SampledOutcomeClassifier"/>).
/// </summary>
/// <remarks>
/// Every remedy trains on a <see cref="LayeredKernel{T}"/> — the plain remedies too, so that all of them run the same code
/// and differ only in their layers and initialisation. Run r of every remedy draws from the stream (seed, r)
/// (<see cref="ParallelTraining"/>), so a remedy's results do not depend on the thread count, on the other remedies, or on
/// which shard ran the run.
/// </remarks>
public static class RemedyExperiment
{
    /// <summary>Trains the runs <paramref name="runs"/> (strictly increasing, in 0..Runs − 1) of <paramref name="remedy"/>.</summary>
    /// <param name="setup">What to run.</param>
    /// <param name="remedy">The remedy.</param>
    /// <param name="runs">Run indices.</param>
    /// <param name="progress">Told the number of finished trainings, or null.</param>
    /// <param name="finished">Given each finished training (from a worker thread), or null.</param>
    /// <param name="cancellation">Stops the batch.</param>
    /// <exception cref="ArgumentException">The network does not fit the problem, or the indices are not as required.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static TrainingBatch Train(RemedySetup setup, Remedy remedy, IReadOnlyList<int> runs, IProgress<int>? progress = null,
        Action<TrainingRun<float>>? finished = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var kernel = new LayeredKernel<float>(RemedyNetworks.Layout(setup, remedy));
        var training = setup.Problem.TrainingSet<float>(setup.Parallel.Seed);
        var trained = ParallelTraining.Run(kernel, RemedyNetworks.Initializer(setup, remedy), training, setup.Training, setup.Parallel, runs,
            null, progress, finished, cancellation);
        return new TrainingBatch(kernel.Description, trained);
    }

    /// <summary>Rebuilds run <paramref name="run"/> of <paramref name="remedy"/> from its stored result, trained parameters and history (initial parameters drawn again).</summary>
    public static TrainingRun<float> Restore(RemedySetup setup, Remedy remedy, int run, TrainingResult result, float[] finalParameters, LossHistory? history)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var kernel = new LayeredKernel<float>(RemedyNetworks.Layout(setup, remedy));
        return ParallelTraining.RestoreOn(kernel, RemedyNetworks.Initializer(setup, remedy), setup.Parallel.Seed, run, result, finalParameters, history);
    }

    /// <summary>The report of the whole study from each remedy's batch (all its runs, in run order), in <see cref="RemedySetup.Remedies"/> order.</summary>
    /// <exception cref="ArgumentException">There is not one batch per remedy.</exception>
    public static RemedyResult Result(RemedySetup setup, IReadOnlyList<TrainingBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count != setup.Remedies.Count)
            throw new ArgumentException($"{batches.Count} batches for {setup.Remedies.Count} remedies.", nameof(batches));
        var classifier = new SampledOutcomeClassifier(setup.Problem, setup.Parallel.Seed);
        var layouts = setup.Remedies.Select(r => RemedyNetworks.Layout(setup, r)).ToArray();
        var summaries = new List<RemedySummary>();
        var rows = new List<RemedyRunRow>();
        for (int i = 0; i < batches.Count; i++)
        {
            var remedy = setup.Remedies[i];
            string name = RemedyNetworks.Name(remedy);
            var runs = batches[i].Runs;
            // Classification is per run and independent: over the threads, each result in its run's slot. (Parallel.For, not
            // PLINQ: WithDegreeOfParallelism refuses more than 512, and --threads allows more.)
            var classified = new (SampledOutcome Final, SampledOutcome Initial)[runs.Count];
            var layout = layouts[i];
            Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = setup.Parallel.EffectiveThreads }, k =>
                classified[k] = (classifier.Classify(layout, runs[k].FinalParameters, runs[k].Result.Diverged), classifier.Classify(layout, runs[k].InitialParameters, false)));
            var remedyRows = runs.Select((run, k) => new RemedyRunRow(name, run.Index, classified[k].Final.Kind, classified[k].Initial.Kind == OutcomeKind.Collapsed,
                Finite(classified[k].Final.TestError), Finite(classified[k].Final.Spread), Finite(classified[k].Final.FlatFraction), Finite(run.Result.FinalLoss),
                run.Result.Status, run.Result.Epochs)).ToArray();
            rows.AddRange(remedyRows);
            summaries.Add(Summary(setup, remedy, layouts[i], batches[i].Kernel, remedyRows));
        }
        var report = new RemedyReport
        {
            Target = setup.Problem.Name,
            Formula = setup.Problem.Target.Name,
            Architecture = setup.Architecture.ToString(),
            Optimizer = setup.Training.Optimizer.ToString(),
            BatchSize = setup.Training.BatchSize,
            Epochs = setup.Training.MaxEpochs,
            Seed = setup.Parallel.Seed,
            DropoutRate = setup.DropoutRate,
            TrainingSet = setup.Problem.TrainingSet<float>(setup.Parallel.Seed).Description,
            Classification = classifier.Method,
            ConstantTolerance = classifier.Options.ConstantTolerance,
            SuccessThreshold = classifier.Options.SuccessThreshold,
            PartialFlatFraction = SampledOutcomeClassifier.PartialFlatFraction,
            Remedies = summaries,
            Trainings = rows,
        };
        return new RemedyResult(setup, report, layouts, [.. batches.Select(b => b.Runs)]);
    }

    private static RemedySummary Summary(RemedySetup setup, Remedy remedy, LayeredArchitecture layout, string kernel, RemedyRunRow[] rows)
    {
        int n = rows.Length;
        WilsonInterval Of(OutcomeKind kind) => WilsonInterval.Of(rows.Count(r => r.Outcome == kind), n);
        var errors = rows.Where(r => r.TestError is not null).Select(r => r.TestError!.Value).ToArray();
        return new RemedySummary
        {
            Remedy = RemedyNetworks.Name(remedy),
            Network = layout.ToString(),
            Initializer = RemedyNetworks.Initializer(setup, remedy).ToString() ?? "",
            Kernel = kernel,
            Claim = RemedyNetworks.Claim(remedy),
            Runs = n,
            Collapsed = Of(OutcomeKind.Collapsed),
            PartiallyCollapsed = Of(OutcomeKind.PartiallyCollapsed),
            Successful = Of(OutcomeKind.Successful),
            Failed = Of(OutcomeKind.Failed),
            Diverged = Of(OutcomeKind.Diverged),
            CollapsedAtInit = WilsonInterval.Of(rows.Count(r => r.CollapsedAtInit), n),
            MedianTestError = errors.Length == 0 ? null : MathNet.Numerics.Statistics.Statistics.Median(errors),
        };
    }

    /// <summary>JSON has no NaN or infinity: a value that is not finite becomes null.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
