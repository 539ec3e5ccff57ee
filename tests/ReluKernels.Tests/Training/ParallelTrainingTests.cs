using ReluKernels.Tests.Kernels;
using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Tests.Training;

/// <summary>The parallel runner: identical results for any thread count, run order, diverging runs recorded.</summary>
public sealed class ParallelTrainingTests
{
    private static readonly TargetProblem Problem = Problems.Abs with { Training = new Sampling(SamplingKind.UniformRandom, 200) };
    private static readonly Dataset<float> Data = Problem.TrainingSet<float>(4);

    [Fact]
    public void Results_are_identical_for_one_and_two_threads()
    {
        var options = new TrainingOptions { Optimizer = new AdamSettings(0.01), BatchSize = 32, MaxEpochs = 15 };
        var classifier = OutcomeClassifier.Create(Data, Problem.TestSet<float>(4), Problem.Radius);
        TrainingRun<float>[] Run(int threads) => ParallelTraining.Run(new GeneratedKernel<F2x10, float>(), NormalInitializer.HeWithBias, Data,
            options, new ParallelTrainingOptions { Seed = 17, Runs = 12, Threads = threads, HistoryInterval = 5 }, classifier,
            cancellation: TestContext.Current.CancellationToken);

        var one = Run(1);
        var two = Run(2);
        Assert.Equal(12, one.Length);
        for (int r = 0; r < one.Length; r++)
        {
            Assert.Equal(r, one[r].Index);
            Assert.Equal(one[r].Result, two[r].Result);
            Assert.Equal(one[r].InitialParameters, two[r].InitialParameters);
            Assert.Equal(one[r].FinalParameters, two[r].FinalParameters);
            Assert.Equal(one[r].History!.Losses.ToArray(), two[r].History!.Losses.ToArray());
            Assert.Equal([5, 10, 15], one[r].History!.Epochs.ToArray());
            Assert.Equal(one[r].Outcome!.Kind, two[r].Outcome!.Kind);
            Assert.Equal(one[r].Outcome!.TestError, two[r].Outcome!.TestError);
        }
        // Runs differ from each other (their own streams) ...
        Assert.NotEqual(one[0].InitialParameters, one[1].InitialParameters);
        // ... and run r's start is exactly the initializer's draw from stream (seed, r).
        var expected = new float[F2x10.ParameterCount];
        var rng = new CounterRng(17, 5);
        NormalInitializer.HeWithBias.Initialize(F2x10.Architecture, expected, ref rng);
        Assert.Equal(expected, one[5].InitialParameters);
    }

    [Fact]
    public void A_subset_of_runs_gives_the_whole_batchs_runs_and_a_restored_run_equals_the_trained_one()
    {
        var options = new TrainingOptions { Optimizer = new AdamSettings(0.01), BatchSize = 32, MaxEpochs = 15 };
        var classifier = OutcomeClassifier.Create(Data, Problem.TestSet<float>(4), Problem.Radius);
        var parallel = new ParallelTrainingOptions { Seed = 17, Runs = 12, Threads = 2, HistoryInterval = 5, HistoryRuns = 4 };
        var kernel = new GeneratedKernel<F2x10, float>();
        var all = ParallelTraining.Run(kernel, NormalInitializer.HeWithBias, Data, options, parallel, classifier,
            cancellation: TestContext.Current.CancellationToken);
        int[] subset = [1, 4, 7, 10];
        var finished = new System.Collections.Concurrent.ConcurrentBag<int>();
        var some = ParallelTraining.Run(kernel, NormalInitializer.HeWithBias, Data, options, parallel, subset, classifier, null,
            run => finished.Add(run.Index), TestContext.Current.CancellationToken);

        Assert.Equal(subset, finished.Order());
        Assert.Equal(subset, some.Select(r => r.Index));
        foreach (var run in some)
        {
            var expected = all[run.Index];
            Assert.Equal(expected.Result, run.Result);
            Assert.Equal(expected.InitialParameters, run.InitialParameters);
            Assert.Equal(expected.FinalParameters, run.FinalParameters);
            Assert.Equivalent(expected.Outcome, run.Outcome, strict: true);
            Assert.Equivalent(expected.InitialOutcome, run.InitialOutcome, strict: true);
            // Only runs r < HistoryRuns keep a history.
            Assert.Equal(run.Index < 4, run.History is not null);
            Assert.Equal(expected.History?.Losses.ToArray(), run.History?.Losses.ToArray());

            var restored = ParallelTraining.Restore(F2x10.Architecture, NormalInitializer.HeWithBias, parallel.Seed, run.Index, run.Result,
                run.FinalParameters, run.History is null ? null : LossHistory.FromLosses(5, 15, run.History.Losses), classifier);
            Assert.Equal(run.InitialParameters, restored.InitialParameters);
            Assert.Equivalent(run.Outcome, restored.Outcome, strict: true);
            Assert.Equivalent(run.InitialOutcome, restored.InitialOutcome, strict: true);
            Assert.Equal(run.History?.Epochs.ToArray(), restored.History?.Epochs.ToArray());
        }
        Assert.Throws<ArgumentException>(() => ParallelTraining.Run(kernel, NormalInitializer.HeWithBias, Data, options, parallel, [4, 1], classifier,
            null, null, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => ParallelTraining.Run(kernel, NormalInitializer.HeWithBias, Data, options, parallel, [12], classifier,
            null, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_diverging_run_is_recorded_and_the_others_are_kept()
    {
        // Full-batch SGD with η = 0.3 on 1 → [32 × 2] → 1: too large for most He-initialised networks (the loss explodes to
        // ∞/NaN within 20 epochs), small enough for some. (Deep width-2 networks make a poor example: a huge step kills
        // their neurons and they collapse rather than diverge.)
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.3), MaxEpochs = 20 };
        var classifier = OutcomeClassifier.Create(Data, Data, Problem.Radius);
        int reported = 0;
        var runs = ParallelTraining.Run(new GeneratedKernel<F32x2, float>(), NormalInitializer.HeWithBias, Data, options,
            new ParallelTrainingOptions { Seed = 2, Runs = 16, Threads = 2 }, classifier, new CountingProgress(() => Interlocked.Increment(ref reported)),
            TestContext.Current.CancellationToken);

        Assert.Equal(16, reported);
        var diverged = runs.Where(r => r.Result.Diverged).ToArray();
        var kept = runs.Where(r => !r.Result.Diverged).ToArray();
        Assert.NotEmpty(diverged);
        Assert.NotEmpty(kept);
        Assert.All(diverged, r => Assert.Equal(OutcomeKind.Diverged, r.Outcome!.Kind));
        Assert.All(diverged, r => Assert.True(!double.IsFinite(r.Result.FinalLoss) || r.FinalParameters.Any(p => !float.IsFinite(p))));
        Assert.All(kept, r => Assert.True(double.IsFinite(r.Result.FinalLoss)));
        Assert.All(kept, r => Assert.NotEqual(OutcomeKind.Diverged, r.Outcome!.Kind));
    }

    [Fact]
    public void The_generic_kernel_runs_in_parallel_too()
    {
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.01, 0.9), BatchSize = 64, MaxEpochs = 3 };
        var a = F2x10.Architecture;
        var generic = ParallelTraining.Run(new GenericKernel<float>(a), NormalInitializer.HeWithBias, Data, options,
            new ParallelTrainingOptions { Seed = 3, Runs = 4, Threads = 2 }, cancellation: TestContext.Current.CancellationToken);
        var generated = ParallelTraining.Run(new GeneratedKernel<F2x10, float>(), NormalInitializer.HeWithBias, Data, options,
            new ParallelTrainingOptions { Seed = 3, Runs = 4, Threads = 2 }, cancellation: TestContext.Current.CancellationToken);
        // Same starts; the trained parameters agree to the rounding of the gradient sums.
        for (int r = 0; r < 4; r++)
        {
            Assert.Equal(generated[r].InitialParameters, generic[r].InitialParameters);
            for (int k = 0; k < a.ParameterCount; k++)
                Assert.Equal(generated[r].FinalParameters[k], generic[r].FinalParameters[k], 1e-3);
        }
    }

    [Fact]
    public void Cancellation_stops_the_batch()
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.Cancel();
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.01) };
        Assert.ThrowsAny<OperationCanceledException>(() => ParallelTraining.Run(new GeneratedKernel<F2x10, float>(), NormalInitializer.HeWithBias,
            Data, options, new ParallelTrainingOptions { Seed = 1, Runs = 4 }, cancellation: source.Token));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.01) };
        var twoD = Problems.F3.TrainingSet<float>(1);
        Assert.Contains("needs 1 and 1", Assert.Throws<ArgumentException>(() => ParallelTraining.Run(new GeneratedKernel<F2x10, float>(),
            NormalInitializer.HeWithBias, twoD, options, new ParallelTrainingOptions { Seed = 1, Runs = 1 },
            cancellation: TestContext.Current.CancellationToken)).Message);
        Assert.Throws<ArgumentException>(() => ParallelTraining.Run(default(GenericKernel<float>), NormalInitializer.HeWithBias, Data, options,
            new ParallelTrainingOptions { Seed = 1, Runs = 1 }, cancellation: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelTrainingOptions { Seed = 1, Runs = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelTrainingOptions { Seed = 1, Runs = 1, Threads = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelTrainingOptions { Seed = 1, Runs = 1, HistoryInterval = -1 });
    }

    private sealed class CountingProgress(Action onReport) : IProgress<int>
    {
        public void Report(int value) => onReport();
    }
}
