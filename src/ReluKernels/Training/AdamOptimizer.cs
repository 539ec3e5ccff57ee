using System.Numerics;
using System.Runtime.InteropServices;

namespace ReluKernels.Training;

/// <summary>Adam with bias correction; the update rule is documented on <see cref="AdamSettings"/>.</summary>
/// <remarks>
/// Moments are kept in <typeparamref name="T"/> (as PyTorch keeps them in the parameters' precision). Per step the
/// bias corrections are computed in double, c₁ = η / (1 − β₁ᵗ) and c₂ = 1 / √(1 − β₂ᵗ), and each parameter moves by
/// <c>c₁ · m / (√v · c₂ + ε)</c>, which is Algorithm 1's η m̂ / (√v̂ + ε) rearranged as PyTorch does. Element-wise
/// <see cref="Vector{T}"/> arithmetic without fused multiply-add, so vector and scalar elements round alike.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class AdamOptimizer<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilon;
    private readonly T[] _m;
    private readonly T[] _v;
    private long _step;

    /// <summary>Creates the optimiser with zero moments and step count 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameterCount"/> is less than 1.</exception>
    public AdamOptimizer(AdamSettings settings, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameterCount, 1);
        Settings = settings;
        ParameterCount = parameterCount;
        _beta1 = T.CreateTruncating(settings.Beta1);
        _oneMinusBeta1 = T.CreateTruncating(1 - settings.Beta1);
        _beta2 = T.CreateTruncating(settings.Beta2);
        _oneMinusBeta2 = T.CreateTruncating(1 - settings.Beta2);
        _epsilon = T.CreateTruncating(settings.Epsilon);
        _m = new T[parameterCount];
        _v = new T[parameterCount];
    }

    /// <summary>The hyper-parameters.</summary>
    public AdamSettings Settings { get; }

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_m);
        Array.Clear(_v);
        _step = 0;
    }

    /// <inheritdoc/>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        KernelArguments.RequireLength(parameters.Length, ParameterCount, nameof(parameters));
        KernelArguments.RequireLength(gradients.Length, ParameterCount, nameof(gradients));
        _step++;
        double t = _step;
        T stepSize = T.CreateTruncating(Settings.LearningRate / (1 - Math.Pow(Settings.Beta1, t)));
        T inverseRootCorrection = T.CreateTruncating(1 / Math.Sqrt(1 - Math.Pow(Settings.Beta2, t)));
        Span<T> m = _m, v = _v;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var p = MemoryMarshal.Cast<T, Vector<T>>(parameters);
            var g = MemoryMarshal.Cast<T, Vector<T>>(gradients);
            var mv = MemoryMarshal.Cast<T, Vector<T>>(m);
            var vv = MemoryMarshal.Cast<T, Vector<T>>(v);
            Vector<T> b1 = new(_beta1), c1 = new(_oneMinusBeta1), b2 = new(_beta2), c2 = new(_oneMinusBeta2);
            Vector<T> eps = new(_epsilon), size = new(stepSize), root = new(inverseRootCorrection);
            for (int k = 0; k < p.Length; k++)
            {
                var gk = g[k];
                var mk = b1 * mv[k] + c1 * gk;
                var vk = b2 * vv[k] + c2 * (gk * gk);
                mv[k] = mk;
                vv[k] = vk;
                p[k] -= size * mk / (Vector.SquareRoot(vk) * root + eps);
            }
            i = p.Length * Vector<T>.Count;
        }
        for (; i < parameters.Length; i++)
        {
            T gi = gradients[i];
            T mi = _beta1 * m[i] + _oneMinusBeta1 * gi;
            T vi = _beta2 * v[i] + _oneMinusBeta2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            parameters[i] -= stepSize * mi / (T.Sqrt(vi) * inverseRootCorrection + _epsilon);
        }
    }
}
