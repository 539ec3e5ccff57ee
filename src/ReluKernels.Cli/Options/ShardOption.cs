using System.Globalization;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Options;

/// <summary>
/// The value of <c>--shard</c>: <c>k/n</c>, or <c>auto</c> / <c>auto/N</c> to take the shard from the scheduler's environment
/// (<see cref="ShardEnvironment"/>; <c>N</c> is required under a Kubernetes Indexed Job, which does not export its count).
/// </summary>
public static class ShardOption
{
    private const string Auto = "auto";

    /// <summary>Parses <paramref name="text"/>, reading <paramref name="environment"/> only for <c>auto</c>.</summary>
    /// <returns>The shard, or <c>null</c> with <paramref name="error"/> as the whole one-line message (it names <c>--shard</c>).</returns>
    public static Shard? TryParse(string text, Func<string, string?> environment, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Auto, StringComparison.Ordinal))
        {
            try
            {
                error = null;
                return Shard.Parse(text);
            }
            catch (FormatException)
            {
                error = $"--shard: '{text}' is not a shard: use k/n with 0 ≤ k < n (e.g. 0/4), auto or auto/N";
                return null;
            }
        }

        int? count = null;
        string rest = text[Auto.Length..];
        if (rest.Length > 0)
        {
            if (rest[0] != '/' || !int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
            {
                error = $"--shard: '{text}' is not auto/N with N a positive integer, e.g. auto/8";
                return null;
            }
            count = n;
        }
        var shard = ShardEnvironment.TryResolve(environment, count, out string? reason);
        error = reason is null ? null : $"--shard {text}: {reason}";
        return shard;
    }
}
