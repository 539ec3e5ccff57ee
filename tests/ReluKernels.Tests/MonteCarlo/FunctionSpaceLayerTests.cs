using System.Runtime.Intrinsics;
using MathNet.Numerics.Distributions;
using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// <see cref="FunctionSpaceLayer"/> draws a layer from one angle per neuron and Dirichlet weights instead of two normals
/// per neuron. Its law is held against hand-derived sign probabilities and against a plain double-precision simulation of
/// the Gaussian pre-activations (g₁, cos β·g₁ + sin β·g₂) with MathNet's normal sampler.
/// </summary>
public sealed class FunctionSpaceLayerTests
{
    private const int Steps = 20_000; // 320,000 networks per case

    [Theory]
    [InlineData(2, 90.0)]
    [InlineData(3, 30.0)]
    [InlineData(5, 60.0)]
    [InlineData(1, 10.0)]
    public void Sign_patterns_have_the_probabilities_of_the_angle(int width, double degrees)
    {
        // A neuron's pre-activations are r·(cos θ, cos(θ − β)) with θ uniform: each is ≤ 0 on half the circle, and both on
        // an arc of length π − β. So P(zero at +1) = P(zero at −1) = 2^−n, P(dead) = ((π − β)/2π)^n, and parallel sides
        // (exactly one neuron alive, carrying both) have probability n·((π − β)/2π)^n.
        double beta = degrees * Math.PI / 180, both = (Math.PI - beta) / (2 * Math.PI);
        long zeroPlus = 0, zeroMinus = 0, dead = 0, parallel = 0, n = 16L * Steps;
        foreach (var step in Draw(width, degrees))
        {
            zeroPlus += Count(step.ZeroAtPlus);
            zeroMinus += Count(step.ZeroAtMinus);
            dead += Count(step.ZeroAtPlus & step.ZeroAtMinus);
            parallel += Count(step.Parallel);
        }
        Assert.True(BinomialTest.AgreesWith(zeroPlus, n, Math.Pow(2, -width)), $"zero at +1: {zeroPlus} of {n}");
        Assert.True(BinomialTest.AgreesWith(zeroMinus, n, Math.Pow(2, -width)), $"zero at −1: {zeroMinus} of {n}");
        Assert.True(BinomialTest.AgreesWith(dead, n, Math.Pow(both, width)), $"dead: {dead} of {n}");
        Assert.True(BinomialTest.AgreesWith(parallel, n, width * Math.Pow(both, width)), $"parallel: {parallel} of {n}");
    }

    [Theory]
    [InlineData(2, 90.0)]
    [InlineData(3, 30.0)]
    [InlineData(5, 60.0)]
    [InlineData(10, 90.0)]
    public void Next_angle_has_the_law_of_Gaussian_pre_activations(int width, double degrees)
    {
        const int bins = 10;
        long n = 16L * Steps;
        var layer = new long[bins + 1];   // bins of cos β' for two-sided, non-parallel networks; last: all others
        foreach (var step in Draw(width, degrees))
        {
            uint kept = (uint)(~(step.ZeroAtPlus | step.ZeroAtMinus | step.Parallel)).ExtractMostSignificantBits();
            for (int lane = 0; lane < 16; lane++)
            {
                if ((kept >> lane & 1) == 0)
                {
                    layer[bins]++;
                    continue;
                }
                float c = step.Cos[lane], s = step.Sin[lane];
                Assert.InRange(c * c + s * s, 1 - 1e-5, 1 + 1e-5);
                layer[Bin(c, bins)]++;
            }
        }

        var reference = new long[bins + 1];
        var normal = new Normal(0, 1, new Random(width * 1000 + (int)degrees));
        double beta = degrees * Math.PI / 180, cos = Math.Cos(beta), sin = Math.Sin(beta);
        for (long t = 0; t < n; t++)
        {
            double s11 = 0, s12 = 0, s22 = 0;
            int alive = 0, aliveBoth = 0;
            for (int j = 0; j < width; j++)
            {
                double g1 = normal.Sample(), g2 = normal.Sample();
                double plus = Math.Max(g1, 0), minus = Math.Max(cos * g1 + sin * g2, 0);
                s11 += plus * plus;
                s12 += plus * minus;
                s22 += minus * minus;
                alive += plus > 0 || minus > 0 ? 1 : 0;
                aliveBoth += plus > 0 && minus > 0 ? 1 : 0;
            }
            bool twoSided = s11 > 0 && s22 > 0 && !(alive == 1 && aliveBoth == 1);
            reference[twoSided ? Bin(s12 / Math.Sqrt(s11 * s22), bins) : bins]++;
        }

        for (int b = 0; b <= bins; b++)
            TwoSampleAssert.SameProportion(layer[b], n, reference[b], n, bins + 1, $"{width} wide, β = {degrees}°, bin {b}");
    }

    private static int Bin(double cos, int bins) => Math.Clamp((int)(cos * bins), 0, bins - 1);

    private static int Count(Vector512<int> lanes) => System.Numerics.BitOperations.PopCount(lanes.ExtractMostSignificantBits());

    private sealed record StepResult(Vector512<float> Cos, Vector512<float> Sin, Vector512<int> ZeroAtPlus, Vector512<int> ZeroAtMinus, Vector512<int> Parallel);

    /// <summary><see cref="Steps"/> independent layers applied to 16 lanes in state β.</summary>
    private static IEnumerable<StepResult> Draw(int width, double degrees)
    {
        double beta = degrees * Math.PI / 180;
        var rng = new CounterRng(77, (ulong)(width * 1000 + degrees));
        var words = new uint[FunctionSpaceLayer.WordsPerStep(width)];
        var sorted = new Vector512<uint>[width];
        for (int i = 0; i < Steps; i++)
        {
            rng.Fill(words);
            var c = Vector512.Create((float)Math.Cos(beta));
            var s = Vector512.Create((float)Math.Sin(beta));
            FunctionSpaceLayer.Step(ref c, ref s, words, sorted, width, out var plus, out var minus, out var parallel);
            yield return new StepResult(c, s, plus, minus, parallel);
        }
    }
}
