namespace ReluKernels.Training.Outcomes;

/// <summary>
/// A maximal interval of Ω on which a trained 1-D-input network is constant, with the constant and what Lu et al.'s
/// Theorem 6 predicts for it (the mean of the target over the piece, here over the training points that fall in it).
/// </summary>
/// <param name="From">Left end.</param>
/// <param name="To">Right end.</param>
/// <param name="Value">The network's constant value there, per output.</param>
/// <param name="TargetMean">Mean of the training targets whose inputs lie in [From, To], per output; NaN when none do.</param>
/// <param name="TrainingPoints">How many training inputs lie in [From, To].</param>
public sealed record FlatPiece(double From, double To, IReadOnlyList<double> Value, IReadOnlyList<double> TargetMean, int TrainingPoints)
{
    /// <summary>To − From.</summary>
    public double Length => To - From;
}
