using System.Globalization;

namespace ReluKernels.Activations;

/// <summary>
/// A scalar activation σ: ℝ → ℝ with its derivative, a name and its parameters. The model the conditioning theory
/// (<c>ReluKernels.Theory.Conditioning</c>) works on; it knows nothing of the generator or of kernels.
/// </summary>
/// <remarks>
/// Value and derivative are pure and allocation-free. At a kink the derivative is the one from the left, as ReluKernels'
/// kernels use for ReLU (σ′(0) = 0); <see cref="Kinks"/> lists those points so quadrature can split there. Documentation: docs/theory/conditioning.md.
/// </remarks>
public abstract class ScalarActivation
{
    /// <summary>Short name, e.g. <c>leaky-relu</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The parameters by name (empty when there are none), in a fixed order.</summary>
    public virtual IReadOnlyList<KeyValuePair<string, double>> Parameters => [];

    /// <summary>Points where σ or σ′ is not smooth (kinks, jumps), ascending; empty for smooth σ.</summary>
    public virtual IReadOnlyList<double> Kinks => [];

    /// <summary>σ(x).</summary>
    public abstract double Value(double x);

    /// <summary>σ′(x) (the left derivative at a kink; 0 at a jump, where σ has no derivative).</summary>
    public abstract double Derivative(double x);

    /// <summary>The name with its parameters, e.g. <c>leaky-relu(slope=0.1)</c>.</summary>
    public override string ToString() => Parameters.Count == 0
        ? Name
        : $"{Name}({string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value.ToString("G6", CultureInfo.InvariantCulture)}"))})";
}
