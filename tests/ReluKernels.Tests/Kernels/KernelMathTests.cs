using System.Runtime.Intrinsics;

namespace ReluKernels.Tests.Kernels;

/// <summary>
/// <see cref="KernelMath.Exp(double)"/>, on which ELU and SELU rest: every vector width gives the scalar's bits (so the
/// kernel paths agree exactly), and the scalar is within <see cref="KernelTolerances.ExpDouble"/> of <see cref="Math.Exp"/>.
/// Vector types work on every machine (in software where not accelerated), so all widths are checked everywhere.
/// </summary>
[Trait("Category", "Kernel")]
public class KernelMathTests
{
    private static double[] DoubleInputs()
    {
        var random = new Random(17);
        var special = new[] { 0.0, -0.0, 1, -1, 1e-300, -1e-300, 708.9, 709, 710, -708, -745, -1000, 1000, double.NaN,
            double.PositiveInfinity, double.NegativeInfinity, Math.Log(2) / 2, -Math.Log(2) / 2 };
        return [.. special, .. Enumerable.Range(0, 4096).Select(i => (2 * random.NextDouble() - 1) * (i % 2 == 0 ? 40 : 720))];
    }

    private static float[] FloatInputs() => [.. DoubleInputs().Select(x => (float)(x > 100 || x < -100 ? x / 8 : x))];

    [Fact]
    public void Every_vector_width_gives_the_scalar_bits_in_double()
    {
        var x = DoubleInputs();
        for (int i = 0; i + 8 <= x.Length; i += 8)
        {
            var v512 = KernelMath.Exp(Vector512.Create(x.AsSpan(i, 8)));
            var v256 = KernelMath.Exp(Vector256.Create(x.AsSpan(i, 4)));
            var v128 = KernelMath.Exp(Vector128.Create(x.AsSpan(i, 2)));
            for (int k = 0; k < 8; k++)
            {
                long expected = BitConverter.DoubleToInt64Bits(KernelMath.Exp(x[i + k]));
                Assert.Equal(expected, BitConverter.DoubleToInt64Bits(v512[k]));
                if (k < 4)
                    Assert.Equal(expected, BitConverter.DoubleToInt64Bits(v256[k]));
                if (k < 2)
                    Assert.Equal(expected, BitConverter.DoubleToInt64Bits(v128[k]));
            }
        }
    }

    [Fact]
    public void Every_vector_width_gives_the_scalar_bits_in_float()
    {
        var x = FloatInputs();
        for (int i = 0; i + 16 <= x.Length; i += 16)
        {
            var v512 = KernelMath.Exp(Vector512.Create(x.AsSpan(i, 16)));
            var v256 = KernelMath.Exp(Vector256.Create(x.AsSpan(i, 8)));
            var v128 = KernelMath.Exp(Vector128.Create(x.AsSpan(i, 4)));
            for (int k = 0; k < 16; k++)
            {
                int expected = BitConverter.SingleToInt32Bits(KernelMath.Exp(x[i + k]));
                Assert.Equal(expected, BitConverter.SingleToInt32Bits(v512[k]));
                if (k < 8)
                    Assert.Equal(expected, BitConverter.SingleToInt32Bits(v256[k]));
                if (k < 4)
                    Assert.Equal(expected, BitConverter.SingleToInt32Bits(v128[k]));
            }
        }
    }

    [Fact]
    public void Double_exp_is_within_two_ulps_of_Math_Exp_inside_the_clamp()
    {
        foreach (double x in DoubleInputs().Where(x => x is >= -708 and <= 709))
        {
            double expected = Math.Exp(x);
            Assert.True(Math.Abs(KernelMath.Exp(x) - expected) <= KernelTolerances.ExpDouble * expected,
                $"exp({x:R}) = {KernelMath.Exp(x):R}, Math.Exp {expected:R}");
        }
    }

    [Fact]
    public void Float_exp_is_within_two_ulps_of_Math_Exp_inside_the_clamp()
    {
        foreach (float x in FloatInputs().Where(x => x is >= -87 and <= 88))
        {
            double expected = Math.Exp(x);
            Assert.True(Math.Abs(KernelMath.Exp(x) - expected) <= KernelTolerances.ExpFloat * expected,
                $"exp({x:R}) = {KernelMath.Exp(x):R}, Math.Exp {expected:R}");
        }
    }

    [Fact]
    public void Nan_propagates_and_the_ends_saturate_instead_of_overflowing()
    {
        Assert.True(double.IsNaN(KernelMath.Exp(double.NaN)));
        Assert.True(float.IsNaN(KernelMath.Exp(float.NaN)));
        Assert.Equal(KernelMath.Exp(709.0), KernelMath.Exp(double.PositiveInfinity));
        Assert.True(double.IsFinite(KernelMath.Exp(709.0)));
        Assert.Equal(KernelMath.Exp(-708.0), KernelMath.Exp(double.NegativeInfinity));
        Assert.True(KernelMath.Exp(-708.0) > 0);
        Assert.Equal(KernelMath.Exp(88f), KernelMath.Exp(float.PositiveInfinity));
        Assert.True(float.IsFinite(KernelMath.Exp(88f)));
        Assert.True(KernelMath.Exp(float.NegativeInfinity) > 0);
    }
}
