using ReluKernels.Compositional;
using ReluKernels.Training.Data;

namespace ReluKernels.Experiments.Compositional;

/// <summary>A curve of Milkert, Hyde &amp; Laine (2023), §4.1, on [0, 1], with the wave sign the construction uses for it.</summary>
/// <param name="Name">Command-line name, e.g. "x3".</param>
/// <param name="Function">The curve.</param>
/// <param name="Sign">Subtract for convex curves, add for concave ones.</param>
public sealed record CompositionalTarget(string Name, TargetFunction Function, WaveSign Sign)
{
    /// <summary>x³ (convex: waves subtracted).</summary>
    public static CompositionalTarget Cube { get; } = new("x3", new TargetFunction("x³", 1, 1, (x, y) => y[0] = x[0] * x[0] * x[0]), WaveSign.Subtract);

    /// <summary>x¹¹ (convex: waves subtracted).</summary>
    public static CompositionalTarget Power11 { get; } = new("x11", new TargetFunction("x¹¹", 1, 1, (x, y) => y[0] = Math.Pow(x[0], 11)), WaveSign.Subtract);

    /// <summary>tanh(3x) (concave on [0, 1]: waves added; the factor 3 is from the paper's later version, the seed's is lost).</summary>
    public static CompositionalTarget Tanh3X { get; } = new("tanh3x", new TargetFunction("tanh(3x)", 1, 1, (x, y) => y[0] = Math.Tanh(3 * x[0])), WaveSign.Add);

    /// <summary>sin(πx/2), a quarter period of sine (concave on [0, 1]: waves added).</summary>
    public static CompositionalTarget QuarterSine { get; } = new("sine", new TargetFunction("sin(πx/2)", 1, 1, (x, y) => y[0] = Math.Sin(Math.PI / 2 * x[0])), WaveSign.Add);

    /// <summary>The paper's four curves, in its order.</summary>
    public static IReadOnlyList<CompositionalTarget> All { get; } = [Cube, Power11, Tanh3X, QuarterSine];

    /// <summary>The target called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No target has that name.</exception>
    public static CompositionalTarget Named(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"Unknown target '{name}'; expected one of {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));

    /// <summary>
    /// Whether the curve has the shape the construction assumes on the sample points: convex for <see cref="WaveSign.Subtract"/>
    /// (x ∓ Σ s_i W_i is convex under the differentiability condition), concave for <see cref="WaveSign.Add"/>. Checked by the
    /// sign of every second difference, with a rounding allowance of 1e-12 (ours) per difference.
    /// </summary>
    public bool HasAssumedShape(Dataset<double> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var y = data.Targets;
        double sign = Sign == WaveSign.Subtract ? 1 : -1;
        for (int i = 1; i + 1 < y.Length; i++)
            if (sign * (y[i - 1] - 2 * y[i] + y[i + 1]) < -1e-12)
                return false;
        return true;
    }
}
