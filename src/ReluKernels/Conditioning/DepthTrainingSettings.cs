using System.Text.Json.Serialization;

namespace ReluKernels.Conditioning;

/// <summary>The scale of one depth-training check (<see cref="DepthTrainingExperiment"/>). Checked by <see cref="Validate"/>.</summary>
/// <param name="Width">Hidden width, 2..<see cref="ShapeLimits.MaxRuntimeWidth"/>.</param>
/// <param name="Depths">Hidden-layer counts, each 1..<see cref="ShapeLimits.MaxDepth"/>, strictly increasing.</param>
/// <param name="Inputs">Training points n, 2..1000.</param>
/// <param name="Dimension">Their dimension d, 1..<see cref="ShapeLimits.MaxDim"/>.</param>
/// <param name="Separation">Minimum separation δ of the unit-vector inputs, in (0, 1].</param>
/// <param name="Epochs">Full-batch Adam steps per training, ≥ 1.</param>
/// <param name="LearningRate">Adam's learning rate, &gt; 0.</param>
/// <param name="Runs">Trainings (initial networks) per activation and depth, ≥ 1.</param>
/// <param name="Seed">Seed of the data and of every run's stream.</param>
/// <param name="Threads">Worker threads (0: every core); the results do not depend on it, so reports leave it out (a merge of shards run anywhere writes the same bytes).</param>
public sealed record DepthTrainingSettings(int Width, IReadOnlyList<int> Depths, int Inputs, int Dimension, double Separation, int Epochs,
    double LearningRate, int Runs, ulong Seed, [property: JsonIgnore] int Threads)
{
    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    /// <exception cref="ArgumentException">The depths are empty or not strictly increasing.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 2, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Width, ShapeLimits.MaxRuntimeWidth, nameof(Width));
        ArgumentNullException.ThrowIfNull(Depths);
        if (Depths.Count == 0 || Depths.Zip(Depths.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException("The depths must be non-empty and strictly increasing.", nameof(Depths));
        if (Depths[0] < 1 || Depths[^1] > ShapeLimits.MaxDepth)
            throw new ArgumentOutOfRangeException(nameof(Depths), $"Depths must be in 1..{ShapeLimits.MaxDepth}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(Inputs, 2, nameof(Inputs));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Inputs, 1000, nameof(Inputs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimension, 1, nameof(Dimension));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Dimension, ShapeLimits.MaxDim, nameof(Dimension));
        if (!(Separation > 0 && Separation <= 1))
            throw new ArgumentOutOfRangeException(nameof(Separation), Separation, "the separation δ must be in (0, 1].");
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive and finite.");
        ArgumentOutOfRangeException.ThrowIfLessThan(Runs, 1, nameof(Runs));
        ArgumentOutOfRangeException.ThrowIfNegative(Threads, nameof(Threads));
    }
}
