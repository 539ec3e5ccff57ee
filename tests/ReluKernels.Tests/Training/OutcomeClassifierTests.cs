using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Tests.Training;

/// <summary>The outcome classes on hand-built networks whose answers are known.</summary>
public sealed class OutcomeClassifierTests
{
    // 1 → [2] → 1, layout [w11, w21, c1, c2, v1, v2, d].
    private static readonly NetworkArchitecture Small = new(2, 1);

    private static readonly TargetProblem Problem = Problems.Abs;
    private static readonly Dataset<double> Training = Problem.TrainingSet<double>(3);
    private static readonly OutcomeClassifier Classifier = OutcomeClassifier.Create(Training, Problem.TestSet<double>(3), Problem.Radius);

    [Fact]
    public void The_exact_representation_of_abs_is_successful()
    {
        // |x| = relu(x) + relu(−x).
        var outcome = Classifier.Classify<double>(Small, [1, -1, 0, 0, 1, 1, 0]);
        Assert.Equal(OutcomeKind.Successful, outcome.Kind);
        Assert.Equal(0, outcome.TestError);
        Assert.True(outcome.IsExact);
        Assert.Equal(0, outcome.FlatFraction);
        Assert.Empty(outcome.FlatPieces);
        Assert.Equal((0, 0), (outcome.FirstDeadLayer, outcome.DeadHiddenNeurons));
        Assert.Contains("exact", outcome.Method);
    }

    [Fact]
    public void A_network_flat_on_half_the_domain_is_partially_collapsed_with_its_piecewise_mean()
    {
        // relu(x): neuron 2 is relu(0·x − 1) = 0 (dead); the output is 0 on [−1.5, 0] and x on [0, 1.5].
        var outcome = Classifier.Classify<double>(Small, [1, 0, 0, -1, 1, 0, 0]);
        Assert.Equal(OutcomeKind.PartiallyCollapsed, outcome.Kind);
        Assert.Equal(0.5, outcome.FlatFraction);
        var piece = Assert.Single(outcome.FlatPieces);
        Assert.Equal((-1.5, 0.0), (piece.From, piece.To));
        Assert.Equal([0.0], piece.Value);
        var left = Enumerable.Range(0, Training.Count).Where(s => Training.Inputs[s] <= 0).ToArray();
        Assert.Equal(left.Length, piece.TrainingPoints);
        Assert.Equal(left.Average(s => Training.Targets[s]), piece.TargetMean[0], 1e-12);
        Assert.Equal((0, 1), (outcome.FirstDeadLayer, outcome.DeadHiddenNeurons));
        Assert.True(outcome.TestError > 0.1);
    }

    [Fact]
    public void An_inaccurate_network_without_flat_parts_failed()
    {
        // relu(x) − relu(−x) = x: no flat part, far from |x|.
        var outcome = Classifier.Classify<double>(Small, [1, -1, 0, 0, 1, -1, 0]);
        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Equal(0, outcome.FlatFraction);
    }

    [Fact]
    public void A_constant_network_collapsed_and_its_constant_is_compared_with_the_mean_and_median()
    {
        // Both neurons relu(0·x − 1) = 0: layer 1 is dead and the output is the bias d everywhere.
        double mean = Training.Targets.ToArray().Average();
        var outcome = Classifier.Classify<double>(Small, [0, 0, -1, -1, 3, -2, mean]);
        Assert.Equal(OutcomeKind.Collapsed, outcome.Kind);
        Assert.Equal([mean], outcome.Constant);
        Assert.True(outcome.IsMean);
        Assert.Equal(1, outcome.FlatFraction);
        Assert.Equal((1, 2), (outcome.FirstDeadLayer, outcome.DeadHiddenNeurons));
        var piece = Assert.Single(outcome.FlatPieces);
        Assert.Equal((-1.5, 1.5, Training.Count), (piece.From, piece.To, piece.TrainingPoints));

        var far = Classifier.Classify<double>(Small, [0, 0, -1, -1, 3, -2, mean + 0.2]);
        Assert.Equal(OutcomeKind.Collapsed, far.Kind);
        Assert.False(far.IsMean);
        Assert.False(far.IsMedian);
        double sd = Math.Sqrt(Training.Targets.ToArray().Average(t => (t - mean) * (t - mean)));
        Assert.Equal(0.2 / sd, far.DistanceToMean, 1e-9);
    }

    [Theory]
    [InlineData(2.0, false, true)]    // inside the median interval [1, 3] of {0, 1, 3, 10}
    [InlineData(1.0, false, true)]    // its lower end
    [InlineData(3.02, false, true)]   // within 1% of the standard deviation (≈ 0.039) of the upper end
    [InlineData(3.5, true, false)]    // the mean
    [InlineData(0.9, false, false)]   // neither
    public void With_an_even_count_every_value_between_the_middle_targets_is_a_median(double constant, bool isMean, bool isMedian)
    {
        var data = new Dataset<double>(1, 1, [-0.9, -0.3, 0.2, 0.8], [10, 1, 0, 3], "four points");
        var outcome = OutcomeClassifier.Create(data, data, 1).Classify<double>(Small, [0, 0, -1, -1, 0, 0, constant]);
        Assert.Equal(OutcomeKind.Collapsed, outcome.Kind);
        Assert.Equal((isMean, isMedian), (outcome.IsMean, outcome.IsMedian));
    }

    [Fact]
    public void Divergence_is_its_own_outcome()
    {
        Assert.Equal(OutcomeKind.Diverged, Classifier.Classify<double>(Small, [1, -1, 0, 0, 1, 1, double.NaN]).Kind);
        Assert.Equal(OutcomeKind.Diverged, Classifier.Classify<float>(Small, [1, -1, 0, 0, float.PositiveInfinity, 1, 0]).Kind);
        var reported = Classifier.Classify<double>(Small, [1, -1, 0, 0, 1, 1, 0], diverged: true);
        Assert.Equal(OutcomeKind.Diverged, reported.Kind);
        Assert.True(double.IsNaN(reported.TestError));
    }

    [Fact]
    public void Two_dimensional_inputs_are_classified_exactly_on_polygons()
    {
        // [|x1 + x2|, |x1 − x2|] with one hidden layer of 4: relu(±(x1 + x2)), relu(±(x1 − x2)).
        var shape = new NetworkArchitecture(4, 1, inputDim: 2, outputDim: 2);
        var problem = Problems.AbsSumDiff;
        var classifier = OutcomeClassifier.Create(problem.TrainingSet<double>(1), problem.TestSet<double>(1), problem.Radius);
        double[] exact = [1, 1, -1, -1, 1, -1, -1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0];
        var good = classifier.Classify<double>(shape, exact);
        Assert.Equal(OutcomeKind.Successful, good.Kind);
        Assert.Equal(0, good.TestError);
        Assert.True(good.IsExact);
        Assert.StartsWith("exact polygons on Ω = [-1, 1]²", good.Method);
        Assert.Equal(0, good.FlatFraction);

        double[] dead = [0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5, 0.25];
        var collapsed = classifier.Classify<double>(shape, dead);
        Assert.Equal(OutcomeKind.Collapsed, collapsed.Kind);
        Assert.Equal([0.5, 0.25], collapsed.Constant);
        Assert.Equal(1, collapsed.FlatFraction);
        Assert.Equal((1, 4), (collapsed.FirstDeadLayer, collapsed.DeadHiddenNeurons));

        // Both outputs relu(x1): flat exactly on the half x1 ≤ 0, the rectangle [−1, 0] × [−1, 1] (area 2 of 4).
        double[] half = [1, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0];
        var partial = classifier.Classify<double>(shape, half);
        Assert.Equal(OutcomeKind.PartiallyCollapsed, partial.Kind);
        Assert.Equal(0.5, partial.FlatFraction);
        Assert.Equal(3, partial.DeadHiddenNeurons);
    }

    [Fact]
    public void A_network_alive_only_between_grid_points_is_not_collapsed()
    {
        // 2 → [3] → [3] → 1: layer 2's g = relu(h1 − 10 h2 − 10 h3), h1 = relu(x + y − 1.9), h2 = relu(x − 0.955),
        // h3 = relu(y − 0.955), is positive only near the corner (1, 1), between the points of the 101 × 101 grid the
        // classifier used before (PlanarHandBuiltTests explains why); the output is g. The grid called it constant 0.
        var shape = new NetworkArchitecture(3, 2, inputDim: 2);
        double[] parameters =
        [
            1, 1, 1, 0, 0, 1, -1.9, -0.955, -0.955,
            1, -10, -10, 0, 0, 0, 0, 0, 0, 0, -1, -1,
            1, 0, 0, 0,
        ];
        var data = new Dataset<double>(2, 1, [-0.5, 0.5, -0.5, 0.5, -0.5, -0.5, 0.5, 0.5], [0, 1, 2, 3], "four points");
        var outcome = OutcomeClassifier.Create(data, data, 1).Classify<double>(shape, parameters);
        Assert.NotEqual(OutcomeKind.Collapsed, outcome.Kind);
        Assert.Equal(0, outcome.FirstDeadLayer);
        Assert.Equal(2, outcome.DeadHiddenNeurons);
        Assert.InRange(outcome.FlatFraction, 0.99, 1); // flat everywhere but a sliver near the corner
        Assert.True(outcome.FlatFraction < 1);
    }

    [Fact]
    public void Mismatched_networks_are_rejected()
    {
        Assert.Contains("does not fit the data", Assert.Throws<ArgumentException>(() =>
            Classifier.Classify<double>(new NetworkArchitecture(2, 1, inputDim: 2), new double[new NetworkArchitecture(2, 1, inputDim: 2).ParameterCount])).Message);
        Assert.Throws<ArgumentException>(() => Classifier.Classify<double>(Small, new double[6]));
        var twoD = Problems.F3.TrainingSet<double>(1);
        Assert.Throws<ArgumentException>(() => OutcomeClassifier.Create(Training, twoD, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => OutcomeClassifier.Create(Training, Training, 0));
    }
}
