using FsCheck.Xunit;
using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

public class SamplingTests
{
    [Fact]
    public void Sampling_is_an_upper_estimate_of_deadness()
    {
        // 1 → [3 × 2] → 1. Layer 2 neuron: relu(relu(x − ¼) − 2 relu(x − ½) + relu(x − ¾)), a hat on [¼, ¾] that is
        // zero at the grid points −1, 0, 1. Three points call the layer dead; the exact analysis does not.
        var a = new NetworkArchitecture(width: 3, depth: 2);
        double[] parameters =
        [
            1, 1, 1, -0.25, -0.5, -0.75,      // layer 1
            1, -2, 1, 0, 0, 0, 0, 0, 0, 0, -1, -1, // layer 2: the hat, then two neurons relu(−1) = 0
            1, 1, 1, 0,                        // output
        ];
        var coarse = SampledDeadness.Analyze(a, parameters, PointSets.Grid(1, 3, 1));
        var exact = NetworkAnalysis.Analyze(a, parameters);

        Assert.Equal(DetectionMethod.Sampling, coarse.Method);
        Assert.False(coarse.IsExact);
        Assert.Null(coarse.LinearRegions);
        Assert.Equal(2, coarse.FirstDeadLayer);
        Assert.True(coarse.IsConstant);
        Assert.Contains("grid of 3^1 = 3 points", coarse.PointSetDescription);

        Assert.Equal(0, exact.FirstDeadLayer);
        Assert.Equal(NeuronState.Active, exact.StateOf(2, 0));
        Assert.Equal(4, exact.LinearRegions); // 0, up, down, 0

        var fine = SampledDeadness.Analyze(a, parameters, PointSets.Grid(1, 101, 1));
        Assert.Equal(0, fine.FirstDeadLayer);
        Assert.Equal(NeuronState.Active, fine.StateOf(2, 0));
    }

    [Fact]
    public void Two_dimensional_states_on_the_cube_and_the_ball()
    {
        // 2 → [3 × 1] → 1: relu(x₁ + x₂ − 3) is zero on the cube [−1, 1]²; relu(x₁) is active; relu(0·x + 1) is constant.
        var a = new NetworkArchitecture(width: 3, depth: 1, inputDim: 2);
        double[] parameters = [1, 1, 1, 0, 0, 0, -3, 0, 1, /* output */ 1, 1, 1, 0];
        var rng = new CounterRng(3, 0);
        foreach (var points in new[] { PointSets.Grid(2, 5, 1), PointSets.UniformInBall(2, 200, 1, ref rng) })
        {
            var result = SampledDeadness.Analyze(a, parameters, points);
            Assert.Equal([NeuronState.DeadZero, NeuronState.Active, NeuronState.DeadConstant], result.HiddenLayers[0].States);
            Assert.Equal(0, result.FirstDeadLayer);
            Assert.False(result.IsConstant);
            Assert.Equal(points.Description, result.PointSetDescription);
        }
    }

    [Property(MaxTest = 60)]
    public void SampledDeadness_classifies_like_the_test_oracle(byte width, byte depth, bool bias, ulong seed, bool twoD)
    {
        // Random networks with 1-D or 2-D input on a grid: the library's sampling equals the test's own classifier.
        int d = twoD ? 2 : 1;
        var (a, p) = RandomNetworks.Make(width, depth, bias, seed, d);
        var grid = PointSets.Grid(d, twoD ? 41 : 401, 1);
        var result = SampledDeadness.Analyze(a, p, grid);
        var c = grid.Coordinates.ToArray();
        var points = Enumerable.Range(0, grid.Count).Select(s => Enumerable.Range(0, d).Select(k => c[k * grid.Count + s]).ToArray()).ToArray();
        var oracle = SampledStates.At(a, p, points);
        for (int l = 1; l <= a.Depth; l++)
            Assert.Equal(oracle.States[l], result.HiddenLayers[l - 1].States);
        Assert.Equal(oracle.States[a.LayerCount], result.OutputStates);
        Assert.Equal(oracle.FirstDeadLayer, result.FirstDeadLayer);
    }

    [Fact]
    public void The_grid_covers_the_cube_with_exact_corners()
    {
        var g = PointSets.Grid(1, 5, 2);
        Assert.Equal([-2, -1, 0, 1, 2], g.Coordinates.ToArray());
        Assert.Equal([0.0], PointSets.Grid(3, 1, 1).Coordinates.ToArray()[..1]);

        var g2 = PointSets.Grid(2, 3, 1);
        Assert.Equal(9, g2.Count);
        Assert.Equal(2, g2.InputDim);
        var c = g2.Coordinates.ToArray();
        var points = Enumerable.Range(0, 9).Select(s => (c[s], c[9 + s])).ToHashSet();
        Assert.Equal(9, points.Count);
        Assert.Contains((1.0, 1.0), points);
        Assert.Contains((-1.0, 1.0), points);
        Assert.Equal((-1.0, -1.0), (c[0], c[9]));
        Assert.Equal((0.0, -1.0), (c[1], c[10])); // axis 0 varies fastest
    }

    [Fact]
    public void Ball_points_are_uniform_in_the_ball_and_reproducible()
    {
        const int d = 3, n = 20000;
        var rng = new CounterRng(11, 4);
        var ball = PointSets.UniformInBall(d, n, 2, ref rng);
        var again = new CounterRng(11, 4);
        Assert.Equal(ball.Coordinates.ToArray(), PointSets.UniformInBall(d, n, 2, ref again).Coordinates.ToArray());
        Assert.Contains("seed 11, stream 4, position 0", ball.Description);

        var c = ball.Coordinates.ToArray();
        int inner = 0;
        double[] mean = new double[d];
        for (int s = 0; s < n; s++)
        {
            double norm2 = 0;
            for (int k = 0; k < d; k++)
            {
                norm2 += c[k * n + s] * c[k * n + s];
                mean[k] += c[k * n + s] / n;
            }
            Assert.True(norm2 <= 4 * (1 + 1e-12), $"point {s} lies outside the ball");
            if (norm2 <= 1)
                inner++;
        }
        // P(|x| ≤ r/2) = 2^-d = 1/8: binomial sd ≈ 0.0023, so ±0.015 is beyond 6 sd. Mean: sd of each coordinate ≈ 0.0063.
        Assert.InRange(inner / (double)n, 0.125 - 0.015, 0.125 + 0.015);
        Assert.All(mean, m => Assert.InRange(m, -0.04, 0.04));
    }
}
