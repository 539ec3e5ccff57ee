using System.Numerics;
using System.Runtime.InteropServices;

namespace ReluKernels.Training;

/// <summary>RMSProp; the update rule is documented on <see cref="RmsPropSettings"/>.</summary>
/// <remarks>
/// The square average is kept in <typeparamref name="T"/>. Element-wise <see cref="Vector{T}"/> arithmetic without fused
/// multiply-add, so vector and scalar elements round alike.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class RmsPropOptimizer<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _learningRate, _alpha, _oneMinusAlpha, _epsilon;
    private readonly T[] _square;

    /// <summary>Creates the optimiser with a zero square average.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameterCount"/> is less than 1.</exception>
    public RmsPropOptimizer(RmsPropSettings settings, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameterCount, 1);
        Settings = settings;
        ParameterCount = parameterCount;
        _learningRate = T.CreateTruncating(settings.LearningRate);
        _alpha = T.CreateTruncating(settings.Alpha);
        _oneMinusAlpha = T.CreateTruncating(1 - settings.Alpha);
        _epsilon = T.CreateTruncating(settings.Epsilon);
        _square = new T[parameterCount];
    }

    /// <summary>The hyper-parameters.</summary>
    public RmsPropSettings Settings { get; }

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <inheritdoc/>
    public void Reset() => Array.Clear(_square);

    /// <inheritdoc/>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        KernelArguments.RequireLength(parameters.Length, ParameterCount, nameof(parameters));
        KernelArguments.RequireLength(gradients.Length, ParameterCount, nameof(gradients));
        Span<T> square = _square;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var p = MemoryMarshal.Cast<T, Vector<T>>(parameters);
            var g = MemoryMarshal.Cast<T, Vector<T>>(gradients);
            var v = MemoryMarshal.Cast<T, Vector<T>>(square);
            Vector<T> lr = new(_learningRate), a = new(_alpha), c = new(_oneMinusAlpha), eps = new(_epsilon);
            for (int k = 0; k < p.Length; k++)
            {
                var gk = g[k];
                var vk = a * v[k] + c * (gk * gk);
                v[k] = vk;
                p[k] -= lr * gk / (Vector.SquareRoot(vk) + eps);
            }
            i = p.Length * Vector<T>.Count;
        }
        for (; i < parameters.Length; i++)
        {
            T gi = gradients[i];
            T vi = _alpha * square[i] + _oneMinusAlpha * (gi * gi);
            square[i] = vi;
            parameters[i] -= _learningRate * gi / (T.Sqrt(vi) + _epsilon);
        }
    }
}
