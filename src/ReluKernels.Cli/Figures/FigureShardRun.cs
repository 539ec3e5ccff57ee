namespace ReluKernels.Cli.Figures;

/// <summary>
/// What the results of a sharded <c>relukernels figures</c> run depend on, kept as the arguments of its shard manifests
/// (so that <see cref="Merge.ShardSet"/> refuses shards of different runs, naming the difference): the scale, the entries
/// (<c>--only</c>) and the options passed on to the commands (<c>--seed</c>, <c>--dpi</c>, <c>--no-plot</c>). <c>--threads</c>
/// is left out: results do not depend on it, so shards may differ in it (and the merged report's command lines omit it).
/// </summary>
/// <param name="Scale">Quick or paper.</param>
/// <param name="Catalogue">The entries run (the whole catalogue, or the <c>--only</c> subset).</param>
/// <param name="Forwarded">The option groups passed on to the commands, in the order <c>figures</c> passes them.</param>
public sealed record FigureShardRun(FigureScale Scale, FigureCatalogue Catalogue, IReadOnlyList<string[]> Forwarded)
{
    // The options passed on that a merge must repeat, in FiguresCommand's order; --threads is not among them on purpose.
    private static readonly string[] Recorded = ["--seed", "--dpi", "--no-plot"];

    private const string ScaleKey = "scale", OnlyKey = "only";

    /// <summary>The forwarded groups a manifest records (all but <c>--threads</c>).</summary>
    public static IReadOnlyList<string[]> RecordedOf(IReadOnlyList<string[]> forwarded) => [.. forwarded.Where(g => Recorded.Contains(g[0]))];

    /// <summary>The manifest's arguments: name (without dashes) → value.</summary>
    public IReadOnlyDictionary<string, string> ToArguments()
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ScaleKey] = Scale == FigureScale.Paper ? "paper" : "quick",
        };
        if (Catalogue.Figures.Count != FigureCatalogue.Default.Figures.Count)
            arguments[OnlyKey] = string.Join(',', Catalogue.Figures.Select(f => f.Key));
        foreach (var group in RecordedOf(Forwarded))
            arguments[group[0][2..]] = group.Length > 1 ? group[1] : "true";
        return arguments;
    }

    /// <summary>Reads <see cref="ToArguments"/> back.</summary>
    /// <exception cref="ArgumentException">An unknown name, scale or catalogue entry.</exception>
    public static FigureShardRun FromArguments(IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (string name in arguments.Keys.Where(n => n is not (ScaleKey or OnlyKey) && !Recorded.Contains("--" + n)))
            throw new ArgumentException($"it has an argument '{name}' that figures does not record");
        var scale = arguments.GetValueOrDefault(ScaleKey) switch
        {
            "quick" => FigureScale.Quick,
            "paper" => FigureScale.Paper,
            var other => throw new ArgumentException($"its scale is '{other}', neither quick nor paper"),
        };
        var catalogue = FigureCatalogue.Default;
        if (arguments.TryGetValue(OnlyKey, out string? only))
        {
            var entries = only.Split(',').Select(key => catalogue.Find(key) ?? throw new ArgumentException($"'{key}' is not an entry of this build's catalogue")).ToArray();
            catalogue = catalogue.Subset(entries);
        }
        var forwarded = Recorded.Where(o => arguments.ContainsKey(o[2..]))
            .Select(o => o == "--no-plot" ? new[] { o } : [o, arguments[o[2..]]]).ToArray();
        return new(scale, catalogue, forwarded);
    }

    /// <summary>"--quick" or "--paper", as the command line says it.</summary>
    public string ScaleOption => Scale == FigureScale.Paper ? "--paper" : "--quick";
}
