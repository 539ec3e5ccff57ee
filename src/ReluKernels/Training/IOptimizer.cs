using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// A first-order optimiser over one network's parameter span. State (momentum buffers, moment estimates, step count) is
/// allocated once, at construction, for <see cref="ParameterCount"/> parameters; <see cref="Step"/> allocates nothing.
/// An instance serves one training at a time; <see cref="Reset"/> starts a new one.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public interface IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The length of the parameter and gradient spans.</summary>
    int ParameterCount { get; }

    /// <summary>Forgets all state, as if just constructed.</summary>
    void Reset();

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradients"/> (dL/dθ).</summary>
    /// <exception cref="ArgumentException">A span is not <see cref="ParameterCount"/> long.</exception>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
        Justification = "Step is every optimiser library's name for the update (PyTorch's optimizer.step()); it is a keyword only in Visual Basic, where [Step] still calls it.")]
    void Step(Span<T> parameters, ReadOnlySpan<T> gradients);
}
