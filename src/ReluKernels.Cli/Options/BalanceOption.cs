using ReluKernels.Training;

namespace ReluKernels.Cli.Options;

/// <summary><c>--balance</c>: how training treats the balance of the hidden neurons.</summary>
public enum BalanceOption
{
    /// <summary>Plain training.</summary>
    None,

    /// <summary>Rebalance every hidden neuron after every step (<see cref="BalanceMode.Projection"/>).</summary>
    Project,

    /// <summary>The balance penalty with weight <c>--balance-weight</c> (<see cref="BalanceMode.Penalty"/>).</summary>
    Penalty,
}

/// <summary>Maps <see cref="BalanceOption"/> to the engine's <see cref="BalanceMode"/>.</summary>
public static class BalanceOptionExtensions
{
    /// <summary>The balance mode named by <paramref name="balance"/>.</summary>
    public static BalanceMode ToBalanceMode(this BalanceOption balance) => balance switch
    {
        BalanceOption.Project => BalanceMode.Projection,
        BalanceOption.Penalty => BalanceMode.Penalty,
        _ => BalanceMode.None,
    };
}
