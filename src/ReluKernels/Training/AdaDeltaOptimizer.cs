using System.Numerics;
using System.Runtime.InteropServices;

namespace ReluKernels.Training;

/// <summary>AdaDelta; the update rule is documented on <see cref="AdaDeltaSettings"/>.</summary>
/// <remarks>
/// Both averages are kept in <typeparamref name="T"/>. Element-wise <see cref="Vector{T}"/> arithmetic without fused
/// multiply-add, so vector and scalar elements round alike.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class AdaDeltaOptimizer<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _learningRate, _rho, _oneMinusRho, _epsilon;
    private readonly T[] _square;
    private readonly T[] _update;

    /// <summary>Creates the optimiser with zero averages.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameterCount"/> is less than 1.</exception>
    public AdaDeltaOptimizer(AdaDeltaSettings settings, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameterCount, 1);
        Settings = settings;
        ParameterCount = parameterCount;
        _learningRate = T.CreateTruncating(settings.LearningRate);
        _rho = T.CreateTruncating(settings.Rho);
        _oneMinusRho = T.CreateTruncating(1 - settings.Rho);
        _epsilon = T.CreateTruncating(settings.Epsilon);
        _square = new T[parameterCount];
        _update = new T[parameterCount];
    }

    /// <summary>The hyper-parameters.</summary>
    public AdaDeltaSettings Settings { get; }

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_square);
        Array.Clear(_update);
    }

    /// <inheritdoc/>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        KernelArguments.RequireLength(parameters.Length, ParameterCount, nameof(parameters));
        KernelArguments.RequireLength(gradients.Length, ParameterCount, nameof(gradients));
        Span<T> square = _square, update = _update;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var p = MemoryMarshal.Cast<T, Vector<T>>(parameters);
            var g = MemoryMarshal.Cast<T, Vector<T>>(gradients);
            var v = MemoryMarshal.Cast<T, Vector<T>>(square);
            var u = MemoryMarshal.Cast<T, Vector<T>>(update);
            Vector<T> lr = new(_learningRate), r = new(_rho), c = new(_oneMinusRho), eps = new(_epsilon);
            for (int k = 0; k < p.Length; k++)
            {
                var gk = g[k];
                var vk = r * v[k] + c * (gk * gk);
                v[k] = vk;
                var delta = Vector.SquareRoot(u[k] + eps) / Vector.SquareRoot(vk + eps) * gk;
                u[k] = r * u[k] + c * (delta * delta);
                p[k] -= lr * delta;
            }
            i = p.Length * Vector<T>.Count;
        }
        for (; i < parameters.Length; i++)
        {
            T gi = gradients[i];
            T vi = _rho * square[i] + _oneMinusRho * (gi * gi);
            square[i] = vi;
            T delta = T.Sqrt(update[i] + _epsilon) / T.Sqrt(vi + _epsilon) * gi;
            update[i] = _rho * update[i] + _oneMinusRho * (delta * delta);
            parameters[i] -= _learningRate * delta;
        }
    }
}
