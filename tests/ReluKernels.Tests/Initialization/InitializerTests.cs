using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ReluKernels.Tests.Rng;

namespace ReluKernels.Tests.Initialization;

public class InitializerTests
{
    // 2 → [8 × 4] → 3 with biases: layer fans (2, 8), (8, 8) ×3, (8, 3).
    private static readonly NetworkArchitecture Arch = new(width: 8, depth: 4, inputDim: 2, outputDim: 3);
    private const int Networks = 4000; // ≈ 1e6 parameters per check

    /// <summary>Draws <see cref="Networks"/> networks from one stream and returns all parameters of all of them.</summary>
    private static double[][] Draw(IInitializer init, NetworkArchitecture arch, ulong seed, int networks = Networks)
    {
        var rng = new CounterRng(seed, 0);
        var result = new double[networks][];
        var p = new float[arch.ParameterCount];
        for (int n = 0; n < networks; n++)
        {
            init.Initialize(arch, p, ref rng);
            result[n] = Array.ConvertAll(p, x => (double)x);
        }
        return result;
    }

    /// <summary>Every weight divided by its layer's standard deviation (and biases likewise when requested).</summary>
    private static (List<double> Weights, List<double> Biases) Standardised(double[][] nets, NetworkArchitecture arch,
        Func<LayerShape, double> weightSd, Func<LayerShape, double> biasSd)
    {
        var w = new List<double>();
        var b = new List<double>();
        foreach (var p in nets)
            for (int l = 1; l <= arch.LayerCount; l++)
            {
                var shape = new LayerShape(l, arch.LayerInputs(l), arch.LayerOutputs(l), arch.Bias);
                double ws = weightSd(shape), bs = biasSd(shape);
                for (int i = 0; i < shape.FanIn * shape.FanOut; i++)
                    w.Add(p[arch.WeightOffset(l) + i] / ws);
                if (arch.Bias)
                    for (int j = 0; j < shape.FanOut; j++)
                        b.Add(bs == 0 ? p[arch.BiasOffset(l) + j] : p[arch.BiasOffset(l) + j] / bs);
            }
        return (w, b);
    }

    [Fact]
    public void HeWithoutBiasIsNormalTwoOverFanInWithZeroBiases()
    {
        var nets = Draw(NormalInitializer.HeWithoutBias, Arch, 10);
        var (w, b) = Standardised(nets, Arch, s => Math.Sqrt(2.0 / s.FanIn), _ => 0);
        StatisticalAssert.StandardNormal(w.ToArray(), "He weights");
        Assert.All(b, x => Assert.Equal(0, x));
    }

    [Fact]
    public void HeWithBiasIsJointNormalTwoOverFanInPlusOne()
    {
        var nets = Draw(NormalInitializer.HeWithBias, Arch, 11);
        var (w, b) = Standardised(nets, Arch, s => Math.Sqrt(2.0 / (s.FanIn + 1)), s => Math.Sqrt(2.0 / (s.FanIn + 1)));
        StatisticalAssert.StandardNormal(w.ToArray(), "He-with-bias weights");
        StatisticalAssert.StandardNormal(b.ToArray(), "He-with-bias biases");
    }

    [Fact]
    public void HeWithExplicitBiasVarianceAndLeCun()
    {
        var he = Draw(NormalInitializer.He(0.25), Arch, 12);
        var (w, b) = Standardised(he, Arch, s => Math.Sqrt(2.0 / s.FanIn), _ => 0.5);
        StatisticalAssert.StandardNormal(w.ToArray(), "He weights (σ_b² = 0.25)");
        StatisticalAssert.StandardNormal(b.ToArray(), "He biases (σ_b² = 0.25)");
        var lecun = Draw(NormalInitializer.LeCun, Arch, 13);
        var (lw, lb) = Standardised(lecun, Arch, s => Math.Sqrt(1.0 / s.FanIn), _ => 0);
        StatisticalAssert.StandardNormal(lw.ToArray(), "LeCun weights");
        Assert.All(lb, x => Assert.Equal(0, x));
    }

    [Fact]
    public void WrongVarianceIsRejected()
    {
        // Power check: He weights standardised with the LeCun scale (variance 2 instead of 1) must fail the same test.
        var nets = Draw(NormalInitializer.HeWithoutBias, Arch, 10, networks: 400);
        var (w, _) = Standardised(nets, Arch, s => Math.Sqrt(1.0 / s.FanIn), _ => 0);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => StatisticalAssert.StandardNormal(w.ToArray(), "mis-scaled"));
    }

    [Fact]
    public void GlorotAndHeUniformAreSymmetricUniformWithZeroBiases()
    {
        var glorot = Draw(UniformInitializer.Glorot, Arch, 14);
        var (gw, gb) = Standardised(glorot, Arch, s => Math.Sqrt(6.0 / (s.FanIn + s.FanOut)), _ => 0);
        StatisticalAssert.SymmetricUniform(gw.ToArray(), "Glorot");
        Assert.All(gb, x => Assert.Equal(0, x));
        var he = Draw(UniformInitializer.HeUniform, Arch, 15);
        var (hw, _) = Standardised(he, Arch, s => Math.Sqrt(6.0 / s.FanIn), _ => 0);
        StatisticalAssert.SymmetricUniform(hw.ToArray(), "He uniform");
        var sym = Draw(UniformInitializer.Symmetric(0.3), Arch, 16);
        var (sw, _) = Standardised(sym, Arch, _ => 0.3, _ => 0);
        StatisticalAssert.SymmetricUniform(sw.ToArray(), "U(±0.3)");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HypersphereRowsAreUnitAndUniform(bool withBias)
    {
        var init = withBias ? HypersphereInitializer.WithBias : HypersphereInitializer.WithoutBias;
        var nets = Draw(init, Arch, withBias ? 17UL : 18UL, networks: 3000);
        // For x uniform on S^{n−1}: x₁² ~ Beta(1/2, (n−1)/2), and x₁ is symmetric. Check per layer kind.
        var firstSquared = new Dictionary<int, List<double>>();
        var lastSquared = new Dictionary<int, List<double>>();
        long positive = 0, total = 0;
        foreach (var p in nets)
            for (int l = 1; l <= Arch.LayerCount; l++)
            {
                int fanIn = Arch.LayerInputs(l), fanOut = Arch.LayerOutputs(l), dim = fanIn + (withBias ? 1 : 0);
                for (int j = 0; j < fanOut; j++)
                {
                    var row = new double[dim];
                    for (int i = 0; i < fanIn; i++)
                        row[i] = p[Arch.WeightOffset(l) + j * fanIn + i];
                    double bias = p[Arch.BiasOffset(l) + j];
                    if (withBias)
                        row[fanIn] = bias;
                    else
                        Assert.Equal(0, bias);
                    double norm = Math.Sqrt(row.Sum(x => x * x));
                    Assert.True(Math.Abs(norm - 1) <= 1e-6, $"row norm {norm}");
                    (firstSquared.TryGetValue(dim, out var f) ? f : firstSquared[dim] = []).Add(row[0] * row[0]);
                    (lastSquared.TryGetValue(dim, out var s) ? s : lastSquared[dim] = []).Add(row[dim - 1] * row[dim - 1]);
                    total++;
                    if (row[0] > 0)
                        positive++;
                }
            }
        Assert.True(StatisticalAssert.BinomialTwoSided(positive, total, 0.5) > StatisticalAssert.Alpha);
        foreach (var (dim, samples) in firstSquared.Concat(lastSquared))
        {
            var beta = new Beta(0.5, (dim - 1) / 2.0);
            foreach (double q in new[] { 0.1, 0.25, 0.5, 0.75, 0.9 })
            {
                double t = beta.InverseCumulativeDistribution(q);
                StatisticalAssert.CountBelow(samples.ToArray(), t, q, $"x² on S^{dim - 1}");
            }
        }
    }

    [Fact]
    public void OrthogonalLayersAreOrthonormalAndScaledByGain()
    {
        var init = new OrthogonalInitializer(gain: 1.5);
        var p = new double[Arch.ParameterCount];
        var rng = new CounterRng(19, 0);
        init.Initialize(Arch, p, ref rng);
        for (int l = 1; l <= Arch.LayerCount; l++)
        {
            int fanIn = Arch.LayerInputs(l), fanOut = Arch.LayerOutputs(l);
            var w = Matrix<double>.Build.Dense(fanOut, fanIn, (r, c) => p[Arch.WeightOffset(l) + r * fanIn + c] / 1.5);
            var gram = fanOut >= fanIn ? w.TransposeThisAndMultiply(w) : w.TransposeAndMultiply(w);
            var identity = Matrix<double>.Build.DenseIdentity(gram.RowCount);
            Assert.True((gram - identity).InfinityNorm() < 1e-12, $"layer {l}: ‖WᵀW − I‖ = {(gram - identity).InfinityNorm()}");
            for (int j = 0; j < fanOut; j++)
                Assert.Equal(0, p[Arch.BiasOffset(l) + j]);
        }
        var pf = new float[Arch.ParameterCount];
        rng = new CounterRng(19, 0);
        init.Initialize(Arch, pf, ref rng);
        for (int i = 0; i < p.Length; i++)
            Assert.True(Math.Abs(pf[i] - p[i]) <= 1e-6, "float parameters are the rounded double ones");
    }

    /// <summary>
    /// Haar check on square d×d matrices made orthogonal by <paramref name="orthogonalise"/>: Q₀₀ is the first coordinate of a uniform unit
    /// vector, so it is positive with probability ½ and Q₀₀² ~ Beta(½, (d−1)/2); tr Q has mean 0 (checked through the
    /// sign of the diagonal entries Q₁₁ as well). Returns the smallest tail probability seen.
    /// </summary>
    private static double HaarTail(Func<Matrix<double>, Matrix<double>> orthogonalise, int d, int count, ulong seed)
    {
        var rng = new CounterRng(seed, 0);
        var buffer = new double[d * d];
        long q00Positive = 0, q11Positive = 0, belowMedian = 0;
        double median = new Beta(0.5, (d - 1) / 2.0).InverseCumulativeDistribution(0.5);
        for (int i = 0; i < count; i++)
        {
            rng.FillNormal(buffer);
            var q = orthogonalise(Matrix<double>.Build.Dense(d, d, buffer));
            if (q[0, 0] > 0) q00Positive++;
            if (q[1, 1] > 0) q11Positive++;
            if (q[0, 0] * q[0, 0] < median) belowMedian++;
        }
        return new[]
        {
            StatisticalAssert.BinomialTwoSided(q00Positive, count, 0.5),
            StatisticalAssert.BinomialTwoSided(q11Positive, count, 0.5),
            StatisticalAssert.BinomialTwoSided(belowMedian, count, 0.5),
        }.Min();
    }

    [Fact]
    public void OrthogonalIsHaarAndTheCheckRejectsQrWithoutSignCorrection()
    {
        const int d = 4, count = 4000;
        double corrected = HaarTail(OrthogonalInitializer.HaarColumns, d, count, 20);
        Assert.True(corrected > StatisticalAssert.Alpha, $"sign-corrected QR failed the Haar check (tail {corrected:E2}).");
        // Negative control: plain Householder Q (no Mezzadri correction) must fail the same check.
        double uncorrected = HaarTail(a => a.QR().Q, d, count, 20);
        Assert.True(uncorrected < StatisticalAssert.Alpha, $"uncorrected QR passed the Haar check (tail {uncorrected:E2}); the check has no power.");
        // And the initializer itself produces the corrected law: a width-4 square hidden layer.
        var arch = new NetworkArchitecture(width: d, depth: 2, inputDim: 1, bias: false);
        var rng = new CounterRng(21, 0);
        var p = new double[arch.ParameterCount];
        long positive = 0;
        for (int i = 0; i < count; i++)
        {
            OrthogonalInitializer.Default.Initialize(arch, p, ref rng);
            if (p[arch.WeightOffset(2)] > 0)
                positive++;
        }
        Assert.True(StatisticalAssert.BinomialTwoSided(positive, count, 0.5) > StatisticalAssert.Alpha, $"W₂[0,0] > 0 in {positive}/{count}.");
    }

    public static TheoryData<string> InitializerNames() => new(Initializers.Keys);

    private static readonly Dictionary<string, IInitializer> Initializers = new()
    {
        ["HeWithBias"] = NormalInitializer.HeWithBias,
        ["HeWithoutBias"] = NormalInitializer.HeWithoutBias,
        ["He(0.1)"] = NormalInitializer.He(0.1),
        ["LeCun"] = NormalInitializer.LeCun,
        ["Glorot"] = UniformInitializer.Glorot,
        ["HeUniform"] = UniformInitializer.HeUniform,
        ["SphereWithBias"] = HypersphereInitializer.WithBias,
        ["SphereWithoutBias"] = HypersphereInitializer.WithoutBias,
        ["Orthogonal"] = OrthogonalInitializer.Default,
        ["RAI"] = RandomizedAsymmetricInitializer.Default,
        ["LSUV"] = new LsuvInitializer([-1.0, 0.5, 2.0, 0.25, 1.0, -0.75], inputDim: 2),
    };

    [Theory]
    [MemberData(nameof(InitializerNames))]
    public void InterleavedBlockHoldsConsecutiveNetworks(string name)
    {
        var init = Initializers[name];
        int lf = LayerInitializer.InterleavedLanes<float>(), ld = LayerInitializer.InterleavedLanes<double>();
        Assert.Equal(16, lf);
        Assert.Equal(8, ld);
        var blockRng = new CounterRng(30, 7);
        var block = new float[Arch.ParameterCount * lf];
        init.InitializeInterleaved(Arch, block, ref blockRng);
        var oneRng = new CounterRng(30, 7);
        var single = new float[Arch.ParameterCount];
        for (int n = 0; n < lf; n++)
        {
            init.Initialize(Arch, single, ref oneRng);
            for (int p = 0; p < single.Length; p++)
                Assert.Equal(single[p], block[p * lf + n]);
        }
        Assert.Equal(oneRng.Position, blockRng.Position);

        var blockD = new double[Arch.ParameterCount * ld];
        blockRng = new CounterRng(31, 7);
        init.InitializeInterleaved(Arch, blockD, ref blockRng);
        oneRng = new CounterRng(31, 7);
        var singleD = new double[Arch.ParameterCount];
        for (int n = 0; n < ld; n++)
        {
            init.Initialize(Arch, singleD, ref oneRng);
            for (int p = 0; p < singleD.Length; p++)
                Assert.Equal(singleD[p], blockD[p * ld + n]);
        }
    }

    [Fact]
    public void WrongSpanLengthsThrow()
    {
        var rng = new CounterRng(1, 1);
        Assert.Throws<ArgumentException>(() => NormalInitializer.HeWithBias.Initialize(Arch, new float[Arch.ParameterCount - 1], ref rng));
        Assert.Throws<ArgumentException>(() => NormalInitializer.HeWithBias.InitializeInterleaved(Arch, new float[Arch.ParameterCount], ref rng));
    }
}
