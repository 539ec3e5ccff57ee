namespace ReluKernels.Experiments;

/// <summary>
/// The settings of <c>relukernels conditioning</c> when none are given (all ours; Agarwal, Awasthi &amp; Kale 2021 state
/// their results for any n, δ and depth): a data set small enough to print, a width where the simulation is within a few
/// percent of the infinite-width kernel, and a run of a few seconds on 2 cores.
/// </summary>
public static class ConditioningDefaults
{
    /// <summary>The activation, by name (normalised ReLU: the paper's running example).</summary>
    public const string Activation = "normalised-relu";

    /// <summary>Number of random unit vectors n.</summary>
    public const int Inputs = 8;

    /// <summary>Their dimension d.</summary>
    public const int Dimension = 4;

    /// <summary>Minimum separation δ of the random data set.</summary>
    public const double Separation = 0.1;

    /// <summary>Depths 1..MaxDepth.</summary>
    public const int MaxDepth = 20;

    /// <summary>Hidden width of the simulated networks (the NTK is simulated too, as it is ≤ 512).</summary>
    public const int Width = 256;

    /// <summary>Random networks per width.</summary>
    public const int Networks = 100;
}
