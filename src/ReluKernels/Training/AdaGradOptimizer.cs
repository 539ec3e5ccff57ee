using System.Numerics;
using System.Runtime.InteropServices;

namespace ReluKernels.Training;

/// <summary>AdaGrad; the update rule is documented on <see cref="AdaGradSettings"/>.</summary>
/// <remarks>
/// The accumulator is kept in <typeparamref name="T"/>. Element-wise <see cref="Vector{T}"/> arithmetic without fused
/// multiply-add, so vector and scalar elements round alike.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class AdaGradOptimizer<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _learningRate, _epsilon;
    private readonly T[] _sum;

    /// <summary>Creates the optimiser with a zero accumulator.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameterCount"/> is less than 1.</exception>
    public AdaGradOptimizer(AdaGradSettings settings, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameterCount, 1);
        Settings = settings;
        ParameterCount = parameterCount;
        _learningRate = T.CreateTruncating(settings.LearningRate);
        _epsilon = T.CreateTruncating(settings.Epsilon);
        _sum = new T[parameterCount];
    }

    /// <summary>The hyper-parameters.</summary>
    public AdaGradSettings Settings { get; }

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <inheritdoc/>
    public void Reset() => Array.Clear(_sum);

    /// <inheritdoc/>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        KernelArguments.RequireLength(parameters.Length, ParameterCount, nameof(parameters));
        KernelArguments.RequireLength(gradients.Length, ParameterCount, nameof(gradients));
        Span<T> sum = _sum;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var p = MemoryMarshal.Cast<T, Vector<T>>(parameters);
            var g = MemoryMarshal.Cast<T, Vector<T>>(gradients);
            var s = MemoryMarshal.Cast<T, Vector<T>>(sum);
            Vector<T> lr = new(_learningRate), eps = new(_epsilon);
            for (int k = 0; k < p.Length; k++)
            {
                var gk = g[k];
                var sk = s[k] + gk * gk;
                s[k] = sk;
                p[k] -= lr * gk / (Vector.SquareRoot(sk) + eps);
            }
            i = p.Length * Vector<T>.Count;
        }
        for (; i < parameters.Length; i++)
        {
            T gi = gradients[i];
            T si = sum[i] + gi * gi;
            sum[i] = si;
            parameters[i] -= _learningRate * gi / (T.Sqrt(si) + _epsilon);
        }
    }
}
