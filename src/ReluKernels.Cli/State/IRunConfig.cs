using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.State;

/// <summary>
/// Everything a sampling command's counts depend on (not threads, output or format), with its canonical argument form
/// for state files: counts may be resumed or merged only between runs whose arguments are equal.
/// </summary>
/// <typeparam name="TSelf">The command's config type.</typeparam>
public interface IRunConfig<TSelf> where TSelf : class, IRunConfig<TSelf>
{
    /// <summary>The command name in a state file's envelope, e.g. <c>collapse</c>.</summary>
    static abstract string Command { get; }

    /// <summary>The config of canonical <paramref name="arguments"/>, or null if they are not exactly what <see cref="ToArguments"/> writes.</summary>
    static abstract TSelf? FromArguments(IReadOnlyDictionary<string, string> arguments);

    /// <summary>Canonical name → value text, as <see cref="FromArguments"/> reads it back.</summary>
    IReadOnlyDictionary<string, string> ToArguments();

    /// <summary>The Monte-Carlo options of shard <paramref name="shard"/> (threads do not affect counts).</summary>
    MonteCarloOptions Options(Shard shard);
}
