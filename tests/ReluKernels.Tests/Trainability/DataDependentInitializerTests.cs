namespace ReluKernels.Tests.Trainability;

/// <summary>The data-dependent initializer (Shin &amp; Karniadakis 2020, §4.1) places neuron i at training point i mod m.</summary>
public sealed class DataDependentInitializerTests
{
    private static readonly double[] Points = [-0.8, 0.3, 0.5, 0.9, 0.2, -0.4]; // 3 points in 2-D, feature-major: (-0.8, 0.9), (0.3, 0.2), (0.5, -0.4)

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.7)]
    public void Each_neuron_sits_at_its_point_with_a_non_negative_offset(double s)
    {
        var init = new DataDependentInitializer(Points, 2, 2, 0.5, s);
        var a = new NetworkArchitecture(7, 1, inputDim: 2);
        var p = new double[a.ParameterCount];
        var rng = new CounterRng(4, 0);
        init.Initialize(a, p, ref rng);
        for (int i = 0; i < 7; i++)
        {
            int j = i % 3;
            double atCentre = p[a.BiasOffset(1) + i] + p[a.WeightOffset(1) + 2 * i] * Points[j] + p[a.WeightOffset(1) + 2 * i + 1] * Points[3 + j];
            // w·x_j + b = |ε_i|: exactly 0 up to rounding when s = 0, positive otherwise.
            if (s == 0)
                Assert.True(Math.Abs(atCentre) < 1e-15, $"neuron {i}: {atCentre}");
            else
                Assert.True(atCentre > 0, $"neuron {i}: {atCentre}");
        }
        Assert.Equal(0, p[a.BiasOffset(2)]);
    }

    [Fact]
    public void Variances_are_the_requested_ones()
    {
        var init = new DataDependentInitializer([0.1, -0.2], 1, 0.3, 1.7);
        var a = new NetworkArchitecture(64, 1);
        double w1 = 0, w2 = 0;
        int n = 0;
        var p = new double[a.ParameterCount];
        for (int k = 0; k < 400; k++)
        {
            var rng = new CounterRng(6, (ulong)k);
            init.Initialize(a, p, ref rng);
            for (int i = 0; i < 64; i++)
            {
                w1 += p[a.WeightOffset(1) + i] * p[a.WeightOffset(1) + i];
                w2 += p[a.WeightOffset(2) + i] * p[a.WeightOffset(2) + i];
            }
            n += 64;
        }
        // 25 600 squared normals each: the relative standard error of a variance estimate is √(2/n) ≈ 0.9%; 6 SE = 5.3%.
        Assert.InRange(w1 / n, 0.3 * 0.947, 0.3 * 1.053);
        Assert.InRange(w2 / n, 1.7 * 0.947, 1.7 * 1.053);
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_clear_message()
    {
        Assert.Throws<ArgumentException>(() => new DataDependentInitializer([], 1, 1, 1));
        Assert.Throws<ArgumentException>(() => new DataDependentInitializer([1, 2, 3], 2, 1, 1));
        Assert.Throws<ArgumentException>(() => new DataDependentInitializer([1, double.NaN], 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataDependentInitializer([1, 2], 1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataDependentInitializer([1, 2], 1, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataDependentInitializer([1, 2], 1, 1, 1, -0.1));

        var init = new DataDependentInitializer(Points, 2, 1, 1);
        var rng = new CounterRng(1, 0);
        var narrow = new NetworkArchitecture(2, 1, inputDim: 2);
        var ex = Assert.Throws<ArgumentException>(() => init.Initialize(narrow, new double[narrow.ParameterCount], ref rng));
        Assert.Contains("width ≥ points", ex.Message);
        var deep = new NetworkArchitecture(4, 2, inputDim: 2);
        ex = Assert.Throws<ArgumentException>(() => init.Initialize(deep, new double[deep.ParameterCount], ref rng));
        Assert.Contains("shallow", ex.Message);
        var wrongDim = new NetworkArchitecture(4, 1, inputDim: 3);
        ex = Assert.Throws<ArgumentException>(() => init.Initialize(wrongDim, new double[wrongDim.ParameterCount], ref rng));
        Assert.Contains("input dimension", ex.Message);
    }
}
