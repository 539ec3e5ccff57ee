using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// Loss values and their gradients with respect to the network outputs, in the sample-parallel layout (feature-major:
/// output o of sample s at <c>o·batch + s</c>; outputs, targets and gradients share it, and since both losses are sums
/// of per-element terms the layout matters only in that the three spans must agree).
/// </summary>
/// <remarks>
/// Both losses are means over all <c>n = batch·OutputDim</c> elements (PyTorch's <c>reduction = 'mean'</c>, Keras' MSE
/// and MAE): L = (1/n) Σ (y − t)² with dL/dy = 2(y − t)/n, and L = (1/n) Σ |y − t| with dL/dy = sign(y − t)/n.
/// <b>MAE at a zero residual</b> uses the subgradient 0 (sign(0) = 0, as PyTorch's <c>sign</c>): an output that equals its
/// target exactly receives no gradient. The value is accumulated in double whatever the element type is; the
/// gradient is computed in the element type. NaN or infinite outputs give a non-finite value (the trainer's
/// divergence test) and non-finite gradients. Nothing here allocates.
/// </remarks>
public static class Losses
{
    /// <summary>The loss of <paramref name="outputs"/> against <paramref name="targets"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Value<T>(LossFunction loss, ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(outputs.Length, targets.Length, outputs.Length);
        double sum = 0;
        if (loss == LossFunction.MeanSquaredError)
        {
            for (int i = 0; i < outputs.Length; i++)
            {
                double r = double.CreateTruncating(outputs[i] - targets[i]);
                sum += r * r;
            }
        }
        else
        {
            for (int i = 0; i < outputs.Length; i++)
                sum += Math.Abs(double.CreateTruncating(outputs[i] - targets[i]));
        }
        return sum / outputs.Length;
    }

    /// <summary>The loss, and dL/dy written to <paramref name="gradient"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double ValueAndGradient<T>(LossFunction loss, ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(outputs.Length, targets.Length, gradient.Length);
        int n = outputs.Length;
        double sum = 0;
        if (loss == LossFunction.MeanSquaredError)
        {
            T scale = T.CreateTruncating(2.0 / n);
            for (int i = 0; i < n; i++)
            {
                T r = outputs[i] - targets[i];
                gradient[i] = r * scale;
                double rd = double.CreateTruncating(r);
                sum += rd * rd;
            }
        }
        else
        {
            T scale = T.CreateTruncating(1.0 / n);
            for (int i = 0; i < n; i++)
            {
                T r = outputs[i] - targets[i];
                // sign(r)/n with sign(0) = 0; NaN propagates.
                gradient[i] = r > T.Zero ? scale : r < T.Zero ? -scale : r * scale;
                sum += Math.Abs(double.CreateTruncating(r));
            }
        }
        return sum / n;
    }

    private static void Check(int outputs, int targets, int gradient)
    {
        if (outputs == 0)
            throw new ArgumentException("The outputs are empty; a loss needs at least one sample.", nameof(outputs));
        if (targets != outputs)
            throw new ArgumentException($"targets has length {targets}; expected {outputs} (the length of outputs).", nameof(targets));
        if (gradient != outputs)
            throw new ArgumentException($"gradient has length {gradient}; expected {outputs} (the length of outputs).", nameof(gradient));
    }
}
