using System.Numerics;
using System.Runtime.InteropServices;

namespace ReluKernels.Training;

/// <summary>SGD with optional classic or Nesterov momentum; the update rules are documented on <see cref="SgdSettings"/>.</summary>
/// <remarks>
/// Arithmetic is in <typeparamref name="T"/>, element by element with separately rounded multiplications and additions
/// (no fused multiply-add), vectorised with <see cref="Vector{T}"/>; vector and scalar elements therefore round alike.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class SgdOptimizer<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _learningRate;
    private readonly T _momentum;
    private readonly bool _nesterov;
    private readonly T[] _velocity;

    /// <summary>Creates the optimiser with zero momentum buffers.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameterCount"/> is less than 1.</exception>
    public SgdOptimizer(SgdSettings settings, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameterCount, 1);
        Settings = settings;
        ParameterCount = parameterCount;
        _learningRate = T.CreateTruncating(settings.LearningRate);
        _momentum = T.CreateTruncating(settings.Momentum);
        _nesterov = settings.Nesterov;
        _velocity = settings.Momentum > 0 ? new T[parameterCount] : [];
    }

    /// <summary>The hyper-parameters.</summary>
    public SgdSettings Settings { get; }

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <inheritdoc/>
    public void Reset() => Array.Clear(_velocity);

    /// <inheritdoc/>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        KernelArguments.RequireLength(parameters.Length, ParameterCount, nameof(parameters));
        KernelArguments.RequireLength(gradients.Length, ParameterCount, nameof(gradients));
        if (_velocity.Length == 0)
            Plain(parameters, gradients);
        else if (_nesterov)
            Momentum<NesterovRule>(parameters, gradients);
        else
            Momentum<ClassicRule>(parameters, gradients);
    }

    private void Plain(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var p = MemoryMarshal.Cast<T, Vector<T>>(parameters);
            var g = MemoryMarshal.Cast<T, Vector<T>>(gradients);
            var lr = new Vector<T>(_learningRate);
            for (int v = 0; v < p.Length; v++)
                p[v] -= lr * g[v];
            i = p.Length * Vector<T>.Count;
        }
        for (; i < parameters.Length; i++)
            parameters[i] -= _learningRate * gradients[i];
    }

    private void Momentum<TRule>(Span<T> parameters, ReadOnlySpan<T> gradients) where TRule : IMomentumRule
    {
        var velocity = _velocity.AsSpan();
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var p = MemoryMarshal.Cast<T, Vector<T>>(parameters);
            var g = MemoryMarshal.Cast<T, Vector<T>>(gradients);
            var b = MemoryMarshal.Cast<T, Vector<T>>(velocity);
            var lr = new Vector<T>(_learningRate);
            var mu = new Vector<T>(_momentum);
            for (int v = 0; v < p.Length; v++)
            {
                var buffer = mu * b[v] + g[v];
                b[v] = buffer;
                p[v] -= lr * TRule.Direction(g[v], buffer, mu);
            }
            i = p.Length * Vector<T>.Count;
        }
        for (; i < parameters.Length; i++)
        {
            T buffer = _momentum * velocity[i] + gradients[i];
            velocity[i] = buffer;
            parameters[i] -= _learningRate * TRule.Direction(gradients[i], buffer, _momentum);
        }
    }

    /// <summary>The direction the parameters move in, given the gradient and the updated buffer.</summary>
    private interface IMomentumRule
    {
        static abstract Vector<T> Direction(Vector<T> gradient, Vector<T> buffer, Vector<T> momentum);

        static abstract T Direction(T gradient, T buffer, T momentum);
    }

    /// <summary>Classic (heavy-ball) momentum: the buffer itself.</summary>
    private readonly struct ClassicRule : IMomentumRule
    {
        public static Vector<T> Direction(Vector<T> gradient, Vector<T> buffer, Vector<T> momentum) => buffer;

        public static T Direction(T gradient, T buffer, T momentum) => buffer;
    }

    /// <summary>Nesterov momentum: g + μ v.</summary>
    private readonly struct NesterovRule : IMomentumRule
    {
        public static Vector<T> Direction(Vector<T> gradient, Vector<T> buffer, Vector<T> momentum) => gradient + momentum * buffer;

        public static T Direction(T gradient, T buffer, T momentum) => gradient + momentum * buffer;
    }
}
