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
    public void Every_exactly_constant_network_is_collapsed_and_every_other_shows_variation()
    {
        // Lu et al.'s width-2 network at He initialisation: most are born dead (exactly constant), the rest are not constant.
        // The sampled classifier must call every exactly constant one collapsed with spread 0, and see variation (spread > 0)
        // in every other one. It may still call a nearly constant one collapsed (spread within the tolerance): that is its
        // definition, not the exact one's.
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
            if (isExact)
            {
                Assert.Equal(OutcomeKind.Collapsed, outcome.Kind);
                Assert.Equal(0, outcome.Spread);
                collapsed++;
            }
            else
            {
                Assert.True(outcome.Spread > 0, $"network {r} is not constant but its sampled output is");
            }
        }
        // Both verdicts occur, so neither branch is vacuous.
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
