using MathNet.Numerics.Distributions;

namespace ReluKernels.Tests.Rng;

public class DistributionTests
{
    private const int N = 1 << 20;

    [Fact]
    public void SingleNormalsAreStandardNormal()
    {
        var f = new float[N];
        new CounterRng(1, 0).FillNormal(f);
        StatisticalAssert.StandardNormal(Array.ConvertAll(f, x => (double)x), "float normals");
    }

    [Fact]
    public void DoubleNormalsAreStandardNormal()
    {
        var d = new double[N];
        new CounterRng(1, 1).FillNormal(d);
        StatisticalAssert.StandardNormal(d, "double normals");
    }

    [Fact]
    public void CosAndSinHalvesAreEachStandardNormalAndUncorrelated()
    {
        // A Box–Muller bug that breaks only one of the pair (wrong quadrant sign, swapped rows) shows here.
        var f = new float[N];
        new CounterRng(1, 2).FillNormal(f);
        var cos = new List<double>(N / 2);
        var sin = new List<double>(N / 2);
        for (int i = 0; i < N; i++)
            ((i & 16) == 0 ? cos : sin).Add(f[i]);
        StatisticalAssert.StandardNormal(cos.ToArray(), "cos half");
        StatisticalAssert.StandardNormal(sin.ToArray(), "sin half");
        double dot = 0;
        for (int i = 0; i < cos.Count; i++)
            dot += cos[i] * sin[i];
        Assert.True(Math.Abs(dot / cos.Count) <= StatisticalAssert.Z / Math.Sqrt(cos.Count));
        // The pair (cos, sin) is isotropic: the angle's quadrant is uniform.
        long firstQuadrant = 0;
        for (int i = 0; i < cos.Count; i++)
            if (cos[i] > 0 && sin[i] > 0)
                firstQuadrant++;
        Assert.True(StatisticalAssert.BinomialTwoSided(firstQuadrant, cos.Count, 0.25) > StatisticalAssert.Alpha);
    }

    [Fact]
    public void UniformsAreUniform()
    {
        var f = new float[N];
        new CounterRng(3, 0).FillUniform(f);
        StatisticalAssert.SymmetricUniform(Array.ConvertAll(f, x => 2.0 * x - 1), "float uniforms");
        var d = new double[N];
        new CounterRng(3, 1).FillUniform(d);
        StatisticalAssert.SymmetricUniform(Array.ConvertAll(d, x => 2.0 * x - 1), "double uniforms");
    }

    [Fact]
    public void SingleNormalsMatchADoublePrecisionBoxMullerOfTheSameWords()
    {
        // Reference: the documented construction evaluated with Math.Log/Sqrt/Cos/Sin in double, from the same words.
        // The float path has ~6 roundings of relative size 2^-24 on r and ~1e-7 absolute error in sin/cos, so it must
        // agree to a few float ulps of r: |z − z_ref| ≤ 8·2^-24·(r + 1).
        const int n = 1 << 16;
        var z = new float[n];
        var words = new uint[n];
        new CounterRng(77, 3).FillNormal(z);
        new CounterRng(77, 3).Fill(words);
        double worst = 0;
        for (int e = 0; e < n; e++)
        {
            int block = e / 64 * 64, slot = e % 64, pairRow = slot & 32, lane = slot & 15;
            uint a = words[block + pairRow + lane], b = words[block + pairRow + 16 + lane];
            double u1 = (float)(int)((a >> 1) | 1) * (1f / 2147483648f);
            double r = Math.Sqrt(-2 * Math.Log(u1));
            double theta = Math.PI / 2 * ((b >> 30) + (((b << 2) >> 8) / 16777216.0 - 0.5));
            double expected = (slot & 16) == 0 ? r * Math.Cos(theta) : r * Math.Sin(theta);
            double error = Math.Abs(z[e] - expected), bound = 8 * (r + 1) / 16777216.0;
            Assert.True(error <= bound, $"element {e}: {z[e]} vs {expected} (r = {r}).");
            worst = Math.Max(worst, error / (r + 1));
        }
        Assert.True(worst > 0); // the comparison is not vacuous
    }

    [Fact]
    public void DoubleNormalsMatchMathLibraryBoxMullerOfTheSameWords()
    {
        // Same construction in double; tolerance 16·2^-53·(r + 1) (the polynomials are ~1 ulp, plus a few roundings).
        const int n = 1 << 15;
        var z = new double[n];
        var longs = new ulong[2 * n];
        new CounterRng(78, 4).FillNormal(z);
        new CounterRng(78, 4).Fill(longs);
        for (int e = 0; e < n; e++)
        {
            int block = e / 32 * 32, q = e % 32, pairRow = q & 16, lane = q & 7;
            ulong a = longs[block + pairRow + lane], b = longs[block + pairRow + 8 + lane];
            double u1 = ((a >> 11) | 1) / 9007199254740992.0;
            double r = Math.Sqrt(-2 * Math.Log(u1));
            double g = ((b << 2) >> 11) / 9007199254740992.0 - 0.5;
            double theta = Math.PI / 2 * ((b >> 62) + g);
            double expected = (q & 8) == 0 ? r * Math.Cos(theta) : r * Math.Sin(theta);
            Assert.True(Math.Abs(z[e] - expected) <= 16 * (r + 1) / 9007199254740992.0, $"element {e}: {z[e]} vs {expected}.");
        }
    }

    [Fact]
    public void PolynomialLogsAreAccurate()
    {
        // Over the Box–Muller input range: float within 2 ulps of the exact log, double within 2 ulps.
        var rng = new CounterRng(5, 5);
        for (int i = 0; i < 200_000; i++)
        {
            float x = MathF.Pow(2, -31 * rng.NextSingle()) * (1 - rng.NextSingle() * 1e-3f);
            double exact = Math.Log(x);
            float approx = RngKernels<ScalarOps, uint, float, ulong, double>.LogF(x);
            float magnitude = MathF.Abs((float)exact);
            double ulp = MathF.BitIncrement(magnitude) - magnitude;
            Assert.True(Math.Abs(approx - exact) <= 2 * ulp, $"LogF({x}) = {approx}, exact {exact}.");
            double xd = Math.Pow(2, -53 * rng.NextDouble()) * (1 - rng.NextDouble() * 1e-3);
            double ad = RngKernels<ScalarOps, uint, float, ulong, double>.LogD(xd), ed = Math.Log(xd);
            double ulpD = Math.BitIncrement(Math.Abs(ed)) - Math.Abs(ed);
            Assert.True(Math.Abs(ad - ed) <= 2 * ulpD, $"LogD({xd}) = {ad}, exact {ed}.");
        }
    }
}
