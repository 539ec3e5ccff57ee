namespace ReluKernels.Training;

/// <summary>
/// Early stopping on a loss plateau: training stops once the epoch loss has not improved on the best loss so far by more
/// than <see cref="RelativeTolerance"/> (relative to that best) for <see cref="Patience"/> consecutive epochs. An epoch
/// improves when <c>loss &lt; best · (1 − RelativeTolerance)</c>; a loss of exactly 0 can never be improved on, so a
/// perfect fit stops after <see cref="Patience"/> more epochs.
/// </summary>
/// <remarks>
/// This is Keras' <c>EarlyStopping(monitor = 'loss', patience, min_delta)</c> with a relative rather than absolute
/// <c>min_delta</c>, so that one setting serves targets of any scale. The epoch loss of a mini-batch epoch is noisy (see
/// <see cref="Trainer{TKernel, T}.Train"/>); give a patience of many epochs there.
/// </remarks>
public sealed record PlateauStopping
{
    /// <summary>Creates the rule.</summary>
    /// <param name="patience">Epochs without improvement before stopping, at least 1.</param>
    /// <param name="relativeTolerance">Smallest relative improvement that counts, in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public PlateauStopping(int patience, double relativeTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patience, 1);
        if (!(relativeTolerance >= 0 && relativeTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "relativeTolerance must be in [0, 1).");
        Patience = patience;
        RelativeTolerance = relativeTolerance;
    }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>Smallest relative improvement that resets the patience.</summary>
    public double RelativeTolerance { get; }
}
