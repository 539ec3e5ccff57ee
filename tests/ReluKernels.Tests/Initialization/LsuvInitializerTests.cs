using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace ReluKernels.Tests.Initialization;

/// <summary>LSUV (Mishkin &amp; Matas 2016): orthogonal layers rescaled so that every layer's output on the batch has variance 1 ± Tol_var.</summary>
public sealed class LsuvInitializerTests
{
    private static readonly NetworkArchitecture Arch = new(width: 8, depth: 5, inputDim: 2, outputDim: 3);

    /// <summary>64 points of a fixed 2-D batch, feature-major.</summary>
    private static double[] Batch()
    {
        var rng = new CounterRng(5, 0);
        var x = new double[2 * 64];
        rng.FillUniform(x.AsSpan());
        for (int i = 0; i < x.Length; i++)
            x[i] = 4 * x[i] - 2;
        return x;
    }

    /// <summary>Each layer's pre-activation outputs on the batch, computed here from the parameters (ReLU between layers).</summary>
    private static List<double[]> LayerOutputs(double[] p, double[] batch)
    {
        int m = batch.Length / Arch.InputDim;
        var a = Matrix<double>.Build.Dense(Arch.InputDim, m, (k, j) => batch[k * m + j]);
        var result = new List<double[]>();
        for (int l = 1; l <= Arch.LayerCount; l++)
        {
            int fanIn = Arch.LayerInputs(l), fanOut = Arch.LayerOutputs(l);
            var w = Matrix<double>.Build.Dense(fanOut, fanIn, (r, c) => p[Arch.WeightOffset(l) + r * fanIn + c]);
            var b = p.AsSpan(Arch.BiasOffset(l), fanOut).ToArray();
            var z = w * a;
            for (int r = 0; r < fanOut; r++)
                for (int j = 0; j < m; j++)
                    z[r, j] += b[r];
            result.Add(z.ToColumnMajorArray());
            a = z.Map(v => Math.Max(v, 0));
        }
        return result;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Every_layer_has_unit_output_variance_on_its_batch(ulong seed)
    {
        var batch = Batch();
        var lsuv = new LsuvInitializer(batch, inputDim: 2);
        var p = new double[Arch.ParameterCount];
        var rng = new CounterRng(seed, 0);
        lsuv.Initialize(Arch, p, ref rng);
        var outputs = LayerOutputs(p, batch);
        for (int l = 1; l <= Arch.LayerCount; l++)
        {
            double variance = outputs[l - 1].PopulationVariance();
            Assert.True(Math.Abs(variance - 1) < lsuv.Tolerance, $"layer {l}: Var(B) = {variance}");
        }

        // The same draws without rescaling (plain orthogonal, gain 1) do not have unit variance: the rescaling did it.
        var plain = new double[Arch.ParameterCount];
        var again = new CounterRng(seed, 0);
        OrthogonalInitializer.Default.Initialize(Arch, plain, ref again);
        Assert.Contains(LayerOutputs(plain, batch), z => Math.Abs(z.PopulationVariance() - 1) >= lsuv.Tolerance);
    }

    [Fact]
    public void Layers_stay_orthogonal_up_to_scale_with_zero_biases()
    {
        var p = new double[Arch.ParameterCount];
        var rng = new CounterRng(4, 0);
        new LsuvInitializer(Batch(), 2).Initialize(Arch, p, ref rng);
        int l = 3, n = Arch.Width;
        var w = Matrix<double>.Build.Dense(n, n, (r, c) => p[Arch.WeightOffset(l) + r * n + c]);
        var gram = w * w.Transpose();
        double scale = gram[0, 0];
        Assert.True((gram - scale * Matrix<double>.Build.DenseIdentity(n)).InfinityNorm() < 1e-12 * scale, "W Wᵀ is not a multiple of I");
        Assert.All(p.AsSpan(Arch.BiasOffset(l), n).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Bad_batches_and_settings_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LsuvInitializer([1.0], 1));
        Assert.Throws<ArgumentException>(() => new LsuvInitializer([1.0, double.NaN], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LsuvInitializer([1.0, 2.0], 1, tolerance: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LsuvInitializer([1.0, 2.0], 1, maxIterations: 0));
        var p = new double[Arch.ParameterCount];
        var rng = new CounterRng(1, 0);
        Assert.Throws<ArgumentException>(() => new LsuvInitializer([1.0, 2.0], 1).Initialize(Arch, p, ref rng));
    }
}
