using ReluKernels.Experiments;
using ReluKernels.Experiments.Training;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Tests.Training;

/// <summary>
/// The training experiments pick their kernel: the generated one for every network they run by default, else the generic
/// kernel, and either way the same trainings as when the caller passes that kernel.
/// </summary>
public sealed class KernelChoiceTests
{
    private static TrainingOptions TwoEpochs => new() { Optimizer = new AdamSettings(), BatchSize = 128, MaxEpochs = 2 };

    private static ParallelTrainingOptions TwoRuns => new() { Seed = 3, Runs = 2, Threads = 1 };

    private static CollapseTrainingSetup CollapseSetup(TargetProblem problem, NetworkArchitecture architecture) =>
        new() { Problem = problem, Architecture = architecture, Training = TwoEpochs, Parallel = TwoRuns };

    [Fact]
    public void Collapse_training_runs_lu_et_al_s_1d_network_on_its_generated_kernel()
    {
        var setup = CollapseSetup(Problems.Abs, CollapseTrainingExperiment.ArchitectureFor(Problems.Abs));
        var picked = CollapseTrainingExperiment.Run(setup, cancellation: TestContext.Current.CancellationToken);
        var given = CollapseTrainingExperiment.Run(new GeneratedKernel<Narrow2x9, float>(KernelPath.Auto), setup,
            cancellation: TestContext.Current.CancellationToken);
        Assert.StartsWith("generated Narrow2x9 ", picked.Report.Kernel, StringComparison.Ordinal);
        AssertSameTrainings(given.Runs, picked.Runs);
    }

    [Fact]
    public void Collapse_training_runs_lu_et_al_s_2d_network_on_its_generated_kernel()
    {
        var setup = CollapseSetup(Problems.AbsSumDiff, CollapseTrainingExperiment.ArchitectureFor(Problems.AbsSumDiff));
        var picked = CollapseTrainingExperiment.Run(setup, cancellation: TestContext.Current.CancellationToken);
        var given = CollapseTrainingExperiment.Run(new GeneratedKernel<Narrow4x9In2Out2, float>(KernelPath.Auto), setup,
            cancellation: TestContext.Current.CancellationToken);
        Assert.StartsWith("generated Narrow4x9In2Out2 ", picked.Report.Kernel, StringComparison.Ordinal);
        AssertSameTrainings(given.Runs, picked.Runs);
    }

    [Fact]
    public void Collapse_training_runs_any_other_network_on_the_generic_kernel()
    {
        var architecture = new NetworkArchitecture(3, 9);                 // no training shape of width 3 and depth 9
        var setup = CollapseSetup(Problems.Abs, architecture);
        var picked = CollapseTrainingExperiment.Run(setup, cancellation: TestContext.Current.CancellationToken);
        var given = CollapseTrainingExperiment.Run(new GenericKernel<float>(architecture), setup, cancellation: TestContext.Current.CancellationToken);
        Assert.StartsWith("generic ", picked.Report.Kernel, StringComparison.Ordinal);
        Assert.Equal(given.Report.Kernel, picked.Report.Kernel);
        AssertSameTrainings(given.Runs, picked.Runs);
    }

    [Fact]
    public void Training_success_runs_every_default_width_on_a_generated_kernel()
    {
        foreach (string name in TrainingSuccessDefaults.Targets)
        {
            var problem = Problems.Named(name);
            var setup = new TrainingSuccessSetup { Problem = problem, Training = TwoEpochs, Parallel = TwoRuns with { Runs = 1 } };
            foreach (int width in TrainingSuccessDefaults.Widths(name))
            {
                Assert.True(width >= TrainingSuccessExperiment.RequiredNeurons(problem), $"{name}: default width {width} is below m");
                var report = TrainingSuccessExperiment.Run(width, setup, cancellation: TestContext.Current.CancellationToken);
                Assert.StartsWith($"generated Shallow{width} ", report.Kernel, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Training_success_runs_a_width_without_a_shape_on_the_generic_kernel()
    {
        var setup = new TrainingSuccessSetup { Problem = Problems.F1, Training = TwoEpochs, Parallel = TwoRuns };
        var picked = TrainingSuccessExperiment.Run(7, setup, cancellation: TestContext.Current.CancellationToken);   // no Shallow7
        var given = TrainingSuccessExperiment.Run(new GenericKernel<float>(TrainingSuccessExperiment.ArchitectureFor(7)), setup,
            cancellation: TestContext.Current.CancellationToken);
        Assert.StartsWith("generic ", picked.Kernel, StringComparison.Ordinal);
        Assert.Equal(given.Successful, picked.Successful);
        Assert.Equal(given.TrainableAtInit, picked.TrainableAtInit);
        Assert.Equal(given.Kernel, picked.Kernel);
    }

    private static void AssertSameTrainings(IReadOnlyList<TrainingRun<float>> expected, IReadOnlyList<TrainingRun<float>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected[r].Result, actual[r].Result);
            Assert.Equal(expected[r].FinalParameters, actual[r].FinalParameters);
        }
    }
}
