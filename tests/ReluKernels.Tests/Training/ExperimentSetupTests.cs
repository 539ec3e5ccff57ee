using ReluKernels.Experiments;
using ReluKernels.Training;
using ReluKernels.Experiments.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Tests.Training;

/// <summary>How the training experiments set up their networks and initialisers.</summary>
public sealed class ExperimentSetupTests
{
    // Three 2-D points, feature-major: (1, 0), (0, 2), (0, 0).
    private static readonly Dataset<float> ThreePoints = new(2, 1, [1f, 0f, 0f, 0f, 2f, 0f], [0f, 0f, 0f], "three points");

    [Fact]
    public void Data_dependent_initialiser_takes_eq_5_variances_of_the_training_inputs()
    {
        // Σ‖x_j‖² = 1 + 4 + 0 = 5; Σ_{k<i}‖x_k − x_i‖² = 5 + 1 + 4 = 10; width 6 = 2·3, so h = 2 and σ_out² = 5/(2·10) = 1/4;
        // σ_in² = 2/d = 1. (Reading the feature-major inputs as row-major would give the points (1, 0), (0, 0), (2, 0) and 5/12.)
        var init = InitComparisonExperiment.DataDependent(ThreePoints, width: 6);
        Assert.Equal(1, init.WeightVariance, 15);
        Assert.Equal(0.25, init.OutputVariance, 15);
        Assert.Equal(0, init.NoiseRatio);

        var a = new NetworkArchitecture(6, 1, inputDim: 2);
        var p = new float[a.ParameterCount];
        var rng = new CounterRng(9, 0);
        init.Initialize(a, p, ref rng);
        (float X, float Y)[] points = [(1, 0), (0, 2), (0, 0)];
        for (int i = 0; i < 6; i++)
        {
            var (x, y) = points[i % 3];
            double atCentre = (double)p[a.BiasOffset(1) + i] + (double)p[a.WeightOffset(1) + 2 * i] * x + (double)p[a.WeightOffset(1) + 2 * i + 1] * y;
            Assert.True(Math.Abs(atCentre) < 1e-6, $"neuron {i} is not at its point: w·x + b = {atCentre}");
        }
    }

    [Fact]
    public void Lu_et_al_network_has_nine_hidden_layers_and_width_four_for_the_2d_target()
    {
        Assert.Equal(new NetworkArchitecture(2, 9), CollapseTrainingExperiment.ArchitectureFor(Problems.Abs));
        Assert.Equal(new NetworkArchitecture(4, 9, inputDim: 2, outputDim: 2), CollapseTrainingExperiment.ArchitectureFor(Problems.AbsSumDiff));
    }

    [Fact]
    public void Training_success_needs_the_paper_s_minimal_widths()
    {
        Assert.Equal(2, TrainingSuccessExperiment.RequiredNeurons(Problems.F1));
        Assert.Equal(4, TrainingSuccessExperiment.RequiredNeurons(Problems.F2));
        Assert.Throws<ArgumentException>(() => TrainingSuccessExperiment.RequiredNeurons(Problems.TwoSines));
        var setup = new TrainingSuccessSetup
        {
            Problem = Problems.F2,
            Training = new TrainingOptions { Optimizer = new AdamSettings(), MaxEpochs = 1 },
            Parallel = new ParallelTrainingOptions { Seed = 1, Runs = 1 },
        };
        var narrow = new GenericKernel<float>(TrainingSuccessExperiment.ArchitectureFor(3));
        Assert.Throws<ArgumentException>(() => TrainingSuccessExperiment.Run(narrow, setup, cancellation: TestContext.Current.CancellationToken));
    }
}
