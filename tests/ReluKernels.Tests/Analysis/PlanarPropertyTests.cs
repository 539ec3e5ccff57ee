using FsCheck.Xunit;
using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

/// <summary>The polygon analysis (2-D input) on random networks, against dense sampling and against itself.</summary>
public class PlanarPropertyTests
{
    private const double Radius = 1;

    /// <summary>Random 2-D-input networks of width 1..4 and depth 1..8 (small enough for a dense sample per case).</summary>
    private static (NetworkArchitecture Architecture, double[] Parameters) Make(byte width, byte depth, ulong seed) =>
        RandomNetworks.Make((byte)(width % 4), (byte)(depth % 8), bias: true, seed, inputDim: 2);

    /// <summary>A 41 × 41 grid of [−r, r]² plus 400 uniform points: a dense sample for width ≤ 4.</summary>
    private static List<PlanarPoint> Sample(ulong seed)
    {
        var points = new List<PlanarPoint>();
        var grid = RandomNetworks.Grid(41, Radius);
        foreach (double x in grid)
            foreach (double y in grid)
                points.Add(new PlanarPoint(x, y));
        var rng = new CounterRng(seed, 0x2D);
        for (int s = 0; s < 400; s++)
            points.Add(new PlanarPoint(Radius * (2 * rng.NextDouble() - 1), Radius * (2 * rng.NextDouble() - 1)));
        return points;
    }

    [Property(MaxTest = 100, Replay = "(12345678901234567,2345678901)")]
    public void The_polygons_partition_the_square_and_carry_the_network(byte width, byte depth, ulong seed)
    {
        var (a, p) = Make(width, depth, seed);
        var propagator = new PlanarPropagator();
        propagator.Start(Radius);
        for (int l = 1; l <= a.LayerCount; l++)
        {
            propagator.ApplyLayer(RandomNetworks.Weights(a, p, l), RandomNetworks.Biases(a, p, l), a.LayerOutputs(l), RandomNetworks.Activates(a, l));
            var regions = propagator.Regions;
            Assert.All(regions, r => Assert.True(r.Area > 0));
            Assert.Equal(4 * Radius * Radius, regions.Sum(r => r.Area), PlanarNetworks.AreaTolerance(regions, Radius));

            double tolerance = PlanarNetworks.ValueTolerance(a, p, l, Radius);
            foreach (var region in regions)
            {
                var layers = PlanarNetworks.Forward(a, p, region.Centroid, out _);
                for (int j = 0; j < region.Maps.Count; j++)
                    Assert.Equal(layers[l][j], region.Maps[j].At(region.Centroid), tolerance);
            }
        }
    }

    [Property(MaxTest = 100, Replay = "(23456789012345678,3456789013)")]
    public void Dead_verdicts_hold_at_every_sample_and_alive_ones_have_a_witness(byte width, byte depth, ulong seed)
    {
        var (a, p) = Make(width, depth, seed);
        var propagator = new PlanarPropagator();
        propagator.Start(Radius);
        var samples = Sample(seed);
        var forward = samples.Select(x => PlanarNetworks.Forward(a, p, x, out _)).ToArray();
        for (int l = 1; l <= a.LayerCount; l++)
        {
            propagator.ApplyLayer(RandomNetworks.Weights(a, p, l), RandomNetworks.Biases(a, p, l), a.LayerOutputs(l), RandomNetworks.Activates(a, l));
            double tolerance = PlanarNetworks.ValueTolerance(a, p, l, Radius);
            for (int j = 0; j < propagator.Width; j++)
            {
                if (propagator.StateOf(j) != NeuronState.Active)
                {
                    // Exact dead ⇒ every sample is the constant (and so sampling never calls it alive).
                    double constant = propagator.Regions[0].Maps[j].Offset;
                    Assert.All(forward, f => Assert.Equal(constant, f[l][j], tolerance));
                    if (propagator.StateOf(j) == NeuronState.DeadZero)
                        Assert.Equal(0, constant);
                    continue;
                }
                AssertWitness(a, p, propagator, l, j, tolerance);
            }
        }
    }

    /// <summary>
    /// An active neuron: on the polygon where its function is largest at the centroid and not constant, the centroid c
    /// and the midpoint of c and the vertex where the function is largest must differ by the function's change between
    /// them in a forward pass too, and for ReLU layers the pre-activation at c must be positive.
    /// </summary>
    private static void AssertWitness(NetworkArchitecture a, double[] p, PlanarPropagator propagator, int l, int j, double tolerance)
    {
        var region = propagator.Regions.Where(r => !r.Maps[j].IsConstant).MaxBy(r => r.Maps[j].At(r.Centroid));
        Assert.NotNull(region);
        var f = region.Maps[j];
        var c = region.Centroid;
        var top = region.Vertices.MaxBy(f.At);
        var m = new PlanarPoint((c.X + top.X) / 2, (c.Y + top.Y) / 2);
        var atC = PlanarNetworks.Forward(a, p, c, out var preAtC);
        var atM = PlanarNetworks.Forward(a, p, m, out _);
        if (RandomNetworks.Activates(a, l))
            Assert.True(preAtC[l][j] > 0, $"layer {l} neuron {j}: pre-activation {preAtC[l][j]} at the witness {c}");
        double change = f.At(m) - f.At(c);
        Assert.True(Math.Abs(change) > 4 * tolerance, $"layer {l} neuron {j}: the witness pair differs by only {change}");
        Assert.Equal(change, atM[l][j] - atC[l][j], 2 * tolerance);
    }
}
