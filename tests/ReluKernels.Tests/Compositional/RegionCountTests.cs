using ReluKernels.Analysis;
using ReluKernels.Compositional;

namespace ReluKernels.Tests.Compositional;

/// <summary>Exact linear-region counts on hand-built networks, the construction and random initialisations.</summary>
public class RegionCountTests
{
    [Fact]
    public void Absolute_value_has_two_regions_with_the_kink_at_zero()
    {
        var a = new NetworkArchitecture(width: 2, depth: 1);
        double[] p = [1, -1, 0, 0, 1, 1, 0]; // relu(x) + relu(−x)
        var report = LinearRegions.Analyze(a, p, -1, 2);
        Assert.Equal(2, report.Output.Regions);
        Assert.Equal([0.0], report.Output.Breakpoints);
        Assert.Equal(1, LinearRegions.Analyze(a, p, 0.5, 2).Output.Regions); // no kink inside [0.5, 2]
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(10)]
    public void Composed_hats_form_a_sawtooth_with_two_to_the_k_regions(int k)
    {
        // Hat h(y) = 2ρ(y) − 4ρ(y − 1/2) on [0, 1]; h∘…∘h (k times) has kinks exactly at j/2^k, 0 < j < 2^k.
        var a = new NetworkArchitecture(width: 2, depth: k);
        var p = new double[a.ParameterCount];
        p[a.WeightOffset(1)] = 1;
        p[a.WeightOffset(1) + 1] = 1;
        p[a.BiasOffset(1) + 1] = -0.5;
        for (int l = 2; l <= k; l++)
        {
            int w = a.WeightOffset(l);
            p[w] = p[w + 2] = 2;
            p[w + 1] = p[w + 3] = -4;
            p[a.BiasOffset(l) + 1] = -0.5;
        }
        p[a.WeightOffset(k + 1)] = 2;
        p[a.WeightOffset(k + 1) + 1] = -4;

        var report = LinearRegions.Analyze(a, p, 0, 1);
        Assert.Equal(1 << k, report.Output.Regions);
        Assert.Equal(Enumerable.Range(1, (1 << k) - 1).Select(j => j / (double)(1 << k)), report.Output.Breakpoints);
        for (int l = 1; l <= k; l++)
            Assert.Equal(1 << l, report.Hidden[l - 1].Regions); // layer l holds h^{l−1} and its gate: 2^l pieces
    }

    public static TheoryData<int> Depths() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Depths))]
    public void The_construction_has_two_to_the_k_regions_after_hidden_layer_k(int depth)
    {
        var network = Constructions.Differentiable(depth, seed: 31);
        var report = LinearRegions.Analyze(network.Architecture, Constructions.Parameters(network), 0, 1);
        Assert.Equal(network.RegionCount, report.Output.Regions);
        for (int k = 1; k <= depth; k++)
            Assert.Equal(1L << k, report.Hidden[k - 1].Regions);
        // The output's kinks are the kinks of W_0..W_{d−1}: peaks and valleys of the waves, where F is checked directly.
        foreach (double x in report.Output.Breakpoints.Take(50))
        {
            double h = 1e-9;
            double left = (network.Evaluate(x) - network.Evaluate(x - h)) / h, right = (network.Evaluate(x + h) - network.Evaluate(x)) / h;
            Assert.True(Math.Abs(right - left) > 1e-6 * Math.Pow(2.0, -depth), $"no bend of F at {x}");
        }
    }

    public static TheoryData<string> SurveyedInitializers => ["PyTorch", "He", "RAI"];

    [Theory]
    [MemberData(nameof(SurveyedInitializers))]
    public void Random_counts_are_reproducible_from_the_seed_and_far_below_two_to_the_depth(string name)
    {
        IInitializer initializer = name switch
        {
            "PyTorch" => UniformInitializer.PyTorchDefault,
            "He" => NormalInitializer.HeWithBias,
            _ => RandomizedAsymmetricInitializer.Default,
        };
        const int width = 4, depth = 12, networks = 400;
        var first = RegionCountSurvey.Run(initializer, width, depth, networks, seed: 5);
        var again = RegionCountSurvey.Run(initializer, width, depth, networks, seed: 5);
        var other = RegionCountSurvey.Run(initializer, width, depth, networks, seed: 6);
        Assert.Equal(first.Counts, again.Counts);
        Assert.NotEqual(first.Counts, other.Counts);
        // Independent bound: a ReLU network with 1-D input has on average at most about one kink per hidden neuron on a
        // unit interval at these scales (Hanin & Rolnick 2019); 1 + width·depth = 49 against 2^12 = 4096.
        Assert.True(first.Mean <= 1 + width * depth, $"mean {first.Mean}");
        Assert.True(first.Quantiles.Max < first.ConstructionCount, $"max {first.Quantiles.Max}");
        Assert.True(first.SingleRegionFraction > 0, "some random networks should collapse to one piece");
    }

    [Fact]
    public void A_subset_of_networks_counts_as_in_the_whole_survey_and_the_halves_summarise_to_it()
    {
        // Network n draws from stream n alone, so the odd networks counted on their own are the whole survey's odd entries,
        // and the two halves interleaved back into network order summarise to the whole survey.
        var initializer = NormalInitializer.HeWithBias;
        const int width = 4, depth = 5, networks = 31;
        var whole = RegionCountSurvey.Run(initializer, width, depth, networks, seed: 7);
        int[] odd = [.. Enumerable.Range(0, networks).Where(n => n % 2 == 1)];
        int[] even = [.. Enumerable.Range(0, networks).Where(n => n % 2 == 0)];
        // Counted in reverse order: each count follows its index, not its position.
        int[] oddCounts = [.. Enumerable.Reverse(RegionCountSurvey.Sample(initializer, width, depth, [.. Enumerable.Reverse(odd)], seed: 7))];
        var evenCounts = RegionCountSurvey.Sample(initializer, width, depth, even, seed: 7);
        Assert.Equal(odd.Select(n => whole.Counts[n]), oddCounts);
        var merged = new int[networks];
        for (int i = 0; i < odd.Length; i++)
            merged[odd[i]] = oddCounts[i];
        for (int i = 0; i < even.Length; i++)
            merged[even[i]] = evenCounts[i];
        var summary = RegionCountSurvey.Summarise(initializer, width, depth, merged);
        Assert.Equal(whole.Counts, summary.Counts);
        Assert.Equal(whole.Mean, summary.Mean);
        Assert.Equal(whole.Initializer, summary.Initializer);
        Assert.Empty(RegionCountSurvey.Sample(initializer, width, depth, [], seed: 7));
    }

    [Fact]
    public void The_summary_refuses_no_networks_and_counts_below_one()
    {
        var initializer = NormalInitializer.HeWithBias;
        Assert.Throws<ArgumentException>(() => RegionCountSurvey.Summarise(initializer, 4, 2, []));
        var e = Assert.Throws<ArgumentException>(() => RegionCountSurvey.Summarise(initializer, 4, 2, [3, 0, 2]));
        Assert.Contains("network 1 has 0 regions", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => RegionCountSurvey.Sample(initializer, 4, 2, [0, -1], seed: 1));
    }
}
