using FsCheck.Xunit;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// Shin &amp; Karniadakis 2020, Theorem 10, the He reference value and Eq. (5). References: hand values, and an independent 1-D quadrature
/// of E[ReLU(Z + |e|)²] = E_e[(σ² + e²)Φ(e/σ) + eσφ(e/σ)] (the truncated second moment of a normal, integrated over the
/// half-normal |e|) for every neuron.
/// </summary>
public class DataDependentInitTheoryTests
{
    /// <summary>E[ReLU(σ_in Δ z + |e|)²], z ~ N(0, 1), e ~ N(0, (σ_in s)²), by quadrature over e.</summary>
    private static double NeuronSecondMoment(double sigmaIn, double delta, double s)
    {
        double sk = sigmaIn * delta, se = sigmaIn * s;
        double Truncated(double eps) => sk == 0 ? eps * eps : (sk * sk + eps * eps) * TheoryAssert.Cdf(eps / sk) + eps * sk * TheoryAssert.Phi(eps / sk);
        if (se == 0)
            return Truncated(0);
        return TheoryAssert.Integrate(e => 2 * TheoryAssert.Phi(e / se) / se * Truncated(e), 0, double.PositiveInfinity);
    }

    private static double ReferenceTheorem10(double[][] x, int n, double sigmaIn, double sigmaOut, double s)
    {
        int m = x.Length;
        double total = 0;
        for (int k = 0; k < m; k++)
            for (int i = 0; i < n; i++)
            {
                int j = i % m;
                double delta = Math.Sqrt(x[k].Zip(x[j], (a, b) => (a - b) * (a - b)).Sum());
                total += sigmaOut * sigmaOut * NeuronSecondMoment(sigmaIn, delta, s);
            }
        return total / m;
    }

    private static double[][] RandomPoints(int m, int d, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, d).Select(_ => 2 * rng.NextDouble() - 1).ToArray()).ToArray();
    }

    [Fact]
    public void OnePointOneNeuronIsTheNoiseVariance()
    {
        // Δ = 0: E[ReLU(|ε|)²] = σ_e² = σ_in² s², times σ_out².
        double value = DataDependentInitTheory.ExpectedMeanSquaredOutput([0.3, -0.2], 2, 1, 0.7, 1.3, 0.4);
        TheoryAssert.Relative(1.3 * 1.3 * 0.7 * 0.7 * 0.4 * 0.4, value, 1e-14);
    }

    [Fact]
    public void TwoPointsWithoutNoiseByHand()
    {
        // d = 1, x = {0, 1}, s = 0: a neuron at x_j contributes σ_in²Δ²/2 at x_k. n = 2: each point sees one neuron at
        // distance 1: E_X[q] = σ_out²σ_in²/2. n = 3 (neurons at x₁, x₂, x₁): x₁ sees 1/2, x₂ sees 2·1/2 → mean 3/4·σ_out²σ_in².
        TheoryAssert.Relative(0.5 * 4 * 9, DataDependentInitTheory.ExpectedMeanSquaredOutput([0.0, 1.0], 1, 2, 3, 2, 0), 1e-14);
        TheoryAssert.Relative(0.75 * 4 * 9, DataDependentInitTheory.ExpectedMeanSquaredOutput([0.0, 1.0], 1, 3, 3, 2, 0), 1e-14);
    }

    [Theory]
    [InlineData(6, 2, 18, 0.7, 1.3, 0.4, 1)]
    [InlineData(5, 3, 7, 1.1, 0.6, 2.0, 2)]   // n not a multiple of m
    [InlineData(4, 1, 4, 0.3, 2.0, 0.05, 3)]
    [InlineData(3, 4, 10, 1.0, 1.0, 0.0, 4)]
    public void MatchesIndependentQuadratureNeuronByNeuron(int m, int d, int n, double sigmaIn, double sigmaOut, double s, int seed)
    {
        double[][] x = RandomPoints(m, d, seed);
        double expected = ReferenceTheorem10(x, n, sigmaIn, sigmaOut, s);
        TheoryAssert.Relative(expected, DataDependentInitTheory.ExpectedMeanSquaredOutput(x, n, sigmaIn, sigmaOut, s), 1e-10);
        double[] flat = x.SelectMany(p => p).ToArray();
        Assert.Equal(DataDependentInitTheory.ExpectedMeanSquaredOutput(x, n, sigmaIn, sigmaOut, s),
            DataDependentInitTheory.ExpectedMeanSquaredOutput(flat, d, n, sigmaIn, sigmaOut, s));
    }

    [Fact]
    public void PapersFormulaWithHWhenMDividesN()
    {
        // (h σ_out² σ_in²/(m π)) Σ_{k,i ≤ m} [(s² + Δ²)(arctan(s/Δ) + π/2) + sΔ], bracket π s² at Δ = 0.
        double[][] x = RandomPoints(5, 3, 11);
        int m = 5, h = 4;
        double sigmaIn = 0.8, sigmaOut = 1.7, s = 0.3, sum = 0;
        for (int k = 0; k < m; k++)
            for (int i = 0; i < m; i++)
            {
                double delta = Math.Sqrt(x[k].Zip(x[i], (a, b) => (a - b) * (a - b)).Sum());
                sum += k == i ? Math.PI * s * s : (s * s + delta * delta) * (Math.Atan(s / delta) + Math.PI / 2) + s * delta;
            }
        double printed = h * sigmaOut * sigmaOut * sigmaIn * sigmaIn / (m * Math.PI) * sum;
        TheoryAssert.Relative(printed, DataDependentInitTheory.ExpectedMeanSquaredOutput(x, h * m, sigmaIn, sigmaOut, s), 1e-13);
    }

    [Fact]
    public void HeReferenceByHand()
    {
        // x = {(1, 0), (0, 2)}, n = 4, σ_in = σ_out = 1: (4/(2·2))·(1 + 4) = 5.
        TheoryAssert.Relative(5, DataDependentInitTheory.HeWithoutBiasMeanSquaredOutput([1.0, 0, 0, 2], 2, 4, 1, 1), 1e-15);
        TheoryAssert.Relative(5, DataDependentInitTheory.HeWithoutBiasMeanSquaredOutput([[1.0, 0], [0.0, 2]], 4, 1, 1), 1e-15);
    }

    [Property(MaxTest = 100)]
    public void Equation5MakesTheorem10EqualTheHeValue(byte mRaw, byte dRaw, byte hRaw, int seed)
    {
        int m = 2 + mRaw % 12, d = 1 + dRaw % 5, h = 1 + hRaw % 6, n = h * m;
        double[][] x = RandomPoints(m, d, seed);
        var v = DataDependentInitTheory.Eq5Variances(x, n);
        Assert.Equal(2.0 / d, v.InputVariance);
        Assert.Equal(0.0, v.NoiseVariance);
        double theorem10 = DataDependentInitTheory.ExpectedMeanSquaredOutput(x, n, Math.Sqrt(v.InputVariance), Math.Sqrt(v.OutputVariance), 0);
        double he = DataDependentInitTheory.HeWithoutBiasMeanSquaredOutput(x, n, Math.Sqrt(2.0 / d), Math.Sqrt(2.0 / n));
        double frobenius = x.Sum(p => p.Sum(c => c * c));
        TheoryAssert.Relative(2.0 / (d * m) * frobenius, he, 1e-13, "He value");
        TheoryAssert.Relative(he, theorem10, 1e-12, "Theorem 10 with Eq. (5)");
        // The general matching variance reduces to Eq. (5) here.
        TheoryAssert.Relative(v.OutputVariance,
            DataDependentInitTheory.OutputVarianceMatchingHe(x.SelectMany(p => p).ToArray(), d, n, Math.Sqrt(2.0 / d), 0), 1e-12, "matching");
    }

    [Property(MaxTest = 100)]
    public void MatchingVarianceReachesTheHeValueForAnyWidthAndNoise(byte mRaw, byte extraRaw, ushort sRaw, int seed)
    {
        int m = 1 + mRaw % 8, d = 2, n = m + extraRaw % 17;
        double sigmaIn = 0.9, s = sRaw / 65535.0 * 3;
        double[][] x = RandomPoints(m, d, seed);
        double[] flat = x.SelectMany(p => p).ToArray();
        if (m == 1 && s == 0)
            return; // Theorem 10 is identically 0 then (checked in the validation test)
        double sigmaOut2 = DataDependentInitTheory.OutputVarianceMatchingHe(flat, d, n, sigmaIn, s);
        double theorem10 = DataDependentInitTheory.ExpectedMeanSquaredOutput(flat, d, n, sigmaIn, Math.Sqrt(sigmaOut2), s);
        TheoryAssert.Relative(2.0 / (d * m) * flat.Sum(c => c * c), theorem10, 1e-12);
    }

    [Fact]
    public void AssignmentIsRoundRobin()
    {
        // j_i − 1 = (i − 1) mod m, 0-based i mod m.
        Assert.Equal([0, 1, 2, 0, 1, 2, 0], Enumerable.Range(0, 7).Select(i => DataDependentInitTheory.AssignedPoint(i, 3)));
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        double[] two = [0.0, 1.0];
        TheoryAssert.Invalid("points", () => DataDependentInitTheory.ExpectedMeanSquaredOutput([], 1, 1, 1, 1, 0));
        TheoryAssert.Invalid("points", () => DataDependentInitTheory.ExpectedMeanSquaredOutput([1.0, 2, 3], 2, 3, 1, 1, 0));
        TheoryAssert.Invalid("points", () => DataDependentInitTheory.ExpectedMeanSquaredOutput([1.0, double.NaN], 1, 3, 1, 1, 0));
        TheoryAssert.Invalid("points", () => DataDependentInitTheory.ExpectedMeanSquaredOutput([1.0, double.PositiveInfinity], 1, 3, 1, 1, 0));
        TheoryAssert.OutOfRange("inputDim", () => DataDependentInitTheory.ExpectedMeanSquaredOutput(two, 0, 2, 1, 1, 0));
        TheoryAssert.OutOfRange("width", () => DataDependentInitTheory.ExpectedMeanSquaredOutput(two, 1, 1, 1, 1, 0));
        TheoryAssert.OutOfRange("sigmaIn", () => DataDependentInitTheory.ExpectedMeanSquaredOutput(two, 1, 2, 0, 1, 0));
        TheoryAssert.OutOfRange("sigmaOut", () => DataDependentInitTheory.ExpectedMeanSquaredOutput(two, 1, 2, 1, -1, 0));
        TheoryAssert.OutOfRange("sigmaOut", () => DataDependentInitTheory.ExpectedMeanSquaredOutput(two, 1, 2, 1, double.NaN, 0));
        TheoryAssert.OutOfRange("s", () => DataDependentInitTheory.ExpectedMeanSquaredOutput(two, 1, 2, 1, 1, -0.1));
        TheoryAssert.OutOfRange("s", () => DataDependentInitTheory.ExpectedMeanSquaredOutput(two, 1, 2, 1, 1, double.PositiveInfinity));
        TheoryAssert.Invalid("points", () => DataDependentInitTheory.Eq5Variances([1.0], 1, 3));
        TheoryAssert.Invalid("points", () => DataDependentInitTheory.Eq5Variances([0.5, 0.5, 0.5], 1, 3));
        TheoryAssert.OutOfRange("width", () => DataDependentInitTheory.Eq5Variances(two, 1, 1));
        TheoryAssert.Invalid("points", () => DataDependentInitTheory.Eq5Variances([[1.0, 2], [3.0]], 4));
        TheoryAssert.Invalid("points", () => DataDependentInitTheory.ExpectedMeanSquaredOutput(Array.Empty<double[]>(), 1, 1, 1, 0));
        TheoryAssert.Invalid("points", () => DataDependentInitTheory.OutputVarianceMatchingHe([0.0, 0.0], 1, 2, 1, 0.5));
        TheoryAssert.Invalid("points", () => DataDependentInitTheory.OutputVarianceMatchingHe([0.5, 0.5], 1, 2, 1, 0));
        TheoryAssert.OutOfRange("neuron", () => DataDependentInitTheory.AssignedPoint(-1, 3));
        TheoryAssert.OutOfRange("pointCount", () => DataDependentInitTheory.AssignedPoint(1, 0));
        TheoryAssert.OutOfRange("width", () => DataDependentInitTheory.HeWithoutBiasMeanSquaredOutput(two, 1, 0, 1, 1));
    }
}
