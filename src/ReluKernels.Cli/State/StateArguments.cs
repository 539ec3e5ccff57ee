using System.Collections.Immutable;

namespace ReluKernels.Cli.State;

/// <summary>
/// The arguments a state file's counts depend on, as canonical option name (without dashes) → value text, e.g.
/// <c>seed → 1</c>, <c>widths → 2,3</c>. Two runs may share counts only if these are equal, so the comparison names every
/// difference in command-line form instead of saying only "another run".
/// </summary>
public static class StateArguments
{
    /// <summary>An ordinally sorted copy, the canonical order of the checksum and of every message.</summary>
    public static ImmutableSortedDictionary<string, string> Canonical(IEnumerable<KeyValuePair<string, string>> arguments) =>
        arguments.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The arguments that differ, each side as <c>--name value</c> joined by ", " (<c>(none)</c> for a name only one side
    /// has); empty strings when equal.
    /// </summary>
    public static (string Stored, string Current) Differences(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string> current)
    {
        var names = stored.Keys.Union(current.Keys).Order(StringComparer.Ordinal)
            .Where(n => !stored.TryGetValue(n, out string? a) || !current.TryGetValue(n, out string? b) || a != b)
            .ToList();
        string Side(IReadOnlyDictionary<string, string> side) =>
            string.Join(", ", names.Select(n => $"--{n} {(side.TryGetValue(n, out string? v) ? v : "(none)")}"));
        return names.Count == 0 ? ("", "") : (Side(stored), Side(current));
    }

    /// <summary>
    /// Refuses to resume checkpoint <paramref name="path"/> (made with <paramref name="stored"/> for <paramref name="storedShard"/>)
    /// in a run with <paramref name="current"/> for <paramref name="currentShard"/> unless they are equal, naming each difference.
    /// </summary>
    /// <exception cref="UsageException">An argument or the shard differs.</exception>
    public static void RefuseOtherRun(string path, IReadOnlyDictionary<string, string> stored, MonteCarlo.Shard storedShard,
        IReadOnlyDictionary<string, string> current, MonteCarlo.Shard currentShard)
    {
        var (was, now) = Differences(WithShard(stored, storedShard), WithShard(current, currentShard));
        if (was.Length > 0)
            throw new UsageException($"checkpoint '{path}' was made with {was}; this run has {now}");
    }

    private static Dictionary<string, string> WithShard(IReadOnlyDictionary<string, string> arguments, MonteCarlo.Shard shard) =>
        new(arguments) { ["shard"] = shard.ToString() };
}
