using System.Runtime.Intrinsics;
using MathNet.Numerics;

namespace ReluKernels.Tests.Kernels;

/// <summary>
/// <see cref="KernelMath.Tanh(double)"/> and <see cref="KernelMath.Erf(double)"/>, on which normalised tanh and erf rest:
/// every vector width gives the scalar's bits (so the kernel paths agree exactly), and the scalars are within the named
/// tolerances of <see cref="Math.Tanh"/> and MathNet's <see cref="SpecialFunctions.Erf"/>. Vector types work on every
/// machine (in software where not accelerated), so all widths are checked everywhere.
/// </summary>
[Trait("Category", "Kernel")]
public class KernelTanhErfTests
{
    /// <summary>Specials, both sides of each branch bound (0.55, 2, 2.5) and of the caps (4, 6), and random points.</summary>
    private static double[] DoubleInputs()
    {
        var random = new Random(29);
        double[] special = [0.0, -0.0, 1e-300, -1e-300, 1e-9, 0.55, -0.55, 0.5499999999999999, 2, -2, 2.5, -2.5, 2.4999999999999996,
            4, 6, -6, 19, 40, 400, 1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        return [.. special, .. Enumerable.Range(0, 8192).Select(i => i % 2 == 0
            ? (2 * random.NextDouble() - 1) * 8
            : Math.CopySign(Math.Exp(-30 * random.NextDouble()) * 8, random.NextDouble() - 0.5))];
    }

    private static float[] FloatInputs() => [.. DoubleInputs().Select(x => (float)x)];

    public static TheoryData<string> Functions => ["tanh", "erf"];

    private static Func<double, double> DoubleFunction(string name) => name == "tanh" ? KernelMath.Tanh : KernelMath.Erf;

    private static Func<float, float> FloatFunction(string name) => name == "tanh" ? KernelMath.Tanh : KernelMath.Erf;

    [Theory]
    [MemberData(nameof(Functions))]
    public void Every_vector_width_gives_the_scalar_bits_in_double(string function)
    {
        var x = DoubleInputs();
        var scalar = DoubleFunction(function);
        bool tanh = function == "tanh";
        for (int i = 0; i + 8 <= x.Length; i += 8)
        {
            var v512 = tanh ? KernelMath.Tanh(Vector512.Create(x.AsSpan(i, 8))) : KernelMath.Erf(Vector512.Create(x.AsSpan(i, 8)));
            var v256 = tanh ? KernelMath.Tanh(Vector256.Create(x.AsSpan(i, 4))) : KernelMath.Erf(Vector256.Create(x.AsSpan(i, 4)));
            var v128 = tanh ? KernelMath.Tanh(Vector128.Create(x.AsSpan(i, 2))) : KernelMath.Erf(Vector128.Create(x.AsSpan(i, 2)));
            for (int k = 0; k < 8; k++)
            {
                long expected = BitConverter.DoubleToInt64Bits(scalar(x[i + k]));
                Assert.Equal(expected, BitConverter.DoubleToInt64Bits(v512[k]));
                if (k < 4)
                    Assert.Equal(expected, BitConverter.DoubleToInt64Bits(v256[k]));
                if (k < 2)
                    Assert.Equal(expected, BitConverter.DoubleToInt64Bits(v128[k]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Every_vector_width_gives_the_scalar_bits_in_float(string function)
    {
        var x = FloatInputs();
        var scalar = FloatFunction(function);
        bool tanh = function == "tanh";
        for (int i = 0; i + 16 <= x.Length; i += 16)
        {
            var v512 = tanh ? KernelMath.Tanh(Vector512.Create(x.AsSpan(i, 16))) : KernelMath.Erf(Vector512.Create(x.AsSpan(i, 16)));
            var v256 = tanh ? KernelMath.Tanh(Vector256.Create(x.AsSpan(i, 8))) : KernelMath.Erf(Vector256.Create(x.AsSpan(i, 8)));
            var v128 = tanh ? KernelMath.Tanh(Vector128.Create(x.AsSpan(i, 4))) : KernelMath.Erf(Vector128.Create(x.AsSpan(i, 4)));
            for (int k = 0; k < 16; k++)
            {
                int expected = BitConverter.SingleToInt32Bits(scalar(x[i + k]));
                Assert.Equal(expected, BitConverter.SingleToInt32Bits(v512[k]));
                if (k < 8)
                    Assert.Equal(expected, BitConverter.SingleToInt32Bits(v256[k]));
                if (k < 4)
                    Assert.Equal(expected, BitConverter.SingleToInt32Bits(v128[k]));
            }
        }
    }

    [Fact]
    public void Tanh_is_within_its_tolerance_of_Math_Tanh()
    {
        foreach (double x in DoubleInputs().Where(double.IsFinite))
            Close(Math.Tanh(x), KernelMath.Tanh(x), KernelTolerances.TanhDouble, $"tanh({x:R})");
        foreach (float x in FloatInputs().Where(float.IsFinite))
            Close(Math.Tanh(x), KernelMath.Tanh(x), KernelTolerances.TanhFloat, $"tanh({x:R}f)");
    }

    [Fact]
    public void Erf_is_within_its_tolerance_of_MathNet()
    {
        foreach (double x in DoubleInputs().Where(double.IsFinite))
            Close(SpecialFunctions.Erf(x), KernelMath.Erf(x), KernelTolerances.ErfDouble, $"erf({x:R})");
        foreach (float x in FloatInputs().Where(float.IsFinite))
            Close(SpecialFunctions.Erf(x), KernelMath.Erf(x), KernelTolerances.ErfFloat, $"erf({x:R}f)");
    }

    [Fact]
    public void Nan_propagates_infinities_give_plus_minus_one_and_minus_zero_stays()
    {
        Assert.True(double.IsNaN(KernelMath.Tanh(double.NaN)));
        Assert.True(double.IsNaN(KernelMath.Erf(double.NaN)));
        Assert.True(float.IsNaN(KernelMath.Tanh(float.NaN)));
        Assert.True(float.IsNaN(KernelMath.Erf(float.NaN)));
        Assert.Equal(1.0, KernelMath.Tanh(double.PositiveInfinity));
        Assert.Equal(-1.0, KernelMath.Erf(double.NegativeInfinity));
        Assert.Equal(-1f, KernelMath.Tanh(float.NegativeInfinity));
        Assert.Equal(1f, KernelMath.Erf(float.PositiveInfinity));
        Assert.True(double.IsNegative(KernelMath.Tanh(-0.0)) && KernelMath.Tanh(-0.0) == 0);
        Assert.True(double.IsNegative(KernelMath.Erf(-0.0)) && KernelMath.Erf(-0.0) == 0);
    }

    private static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what} = {actual:R}, reference {expected:R}");
}
