using ReluKernels.Experiments.Remedies;
using ReluKernels.Training.Data;
using ReluKernels.Training.Layers;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Tests.Training;

/// <summary>
/// The sampled classifier of the remedy study agrees with the exact piecewise-linear one where both apply (plain ReLU
/// networks), and keeps diverged runs apart.
/// </summary>
public sealed class SampledOutcomeClassifierTests
{
    private const ulong Seed = 5;
    private static readonly TargetProblem Problem = Problems.Abs;
    private static readonly NetworkArchitecture Lu = new(2, 9);

    [Fact]
    public void Collapse_agrees_with_the_exact_classifier_on_plain_He_networks()
    {
        // Lu et al.'s width-2 network at He initialisation: most are born dead (exactly constant), the rest are not constant.
        var exact = OutcomeClassifier.Create(Problem.TrainingSet<double>(Seed), Problem.TestSet<double>(Seed), Problem.Radius);
        var sampled = new SampledOutcomeClassifier(Problem, Seed);
        var layout = LayeredArchitecture.Uniform(Lu);
        int collapsed = 0;
        const int Networks = 300;
        for (int r = 0; r < Networks; r++)
        {
            var rng = new CounterRng(Seed, (ulong)r);
            var parameters = new float[Lu.ParameterCount];
            NormalInitializer.HeWithoutBias.Initialize(Lu, parameters, ref rng);
            bool isExact = exact.Classify<float>(Lu, parameters).Kind == OutcomeKind.Collapsed;
            var outcome = sampled.Classify(layout, parameters, diverged: false);
            Assert.True(isExact == (outcome.Kind == OutcomeKind.Collapsed), $"network {r}: exact {isExact}, sampled {outcome.Kind} (spread {outcome.Spread})");
            collapsed += isExact ? 1 : 0;
        }
        // Both verdicts occur, so the agreement is not vacuous.
        Assert.InRange(collapsed, 1, Networks - 1);
    }

    [Fact]
    public void A_diverged_run_or_a_non_finite_parameter_is_diverged()
    {
        var sampled = new SampledOutcomeClassifier(Problem, Seed);
        var layout = LayeredArchitecture.Uniform(Lu);
        var parameters = new float[Lu.ParameterCount];
        Assert.Equal(OutcomeKind.Diverged, sampled.Classify(layout, parameters, diverged: true).Kind);
        Assert.Equal(OutcomeKind.Collapsed, sampled.Classify(layout, parameters, diverged: false).Kind);
        parameters[3] = float.NaN;
        Assert.Equal(OutcomeKind.Diverged, sampled.Classify(layout, parameters, diverged: false).Kind);
    }
}
