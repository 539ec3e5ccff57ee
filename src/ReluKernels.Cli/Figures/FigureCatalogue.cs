using System.Text.Json;
using ReluKernels.Cli.Output;

namespace ReluKernels.Cli.Figures;

/// <summary>One of the papers whose figures ReluKernels reproduces.</summary>
/// <param name="Id">Folder name and anchor, e.g. <c>lu-2019</c>.</param>
/// <param name="Citation">Authors and year, e.g. <c>Lu, Su &amp; Karniadakis 2019</c>.</param>
/// <param name="Title">The paper's title.</param>
public sealed record FigurePaper(string Id, string Citation, string Title);

/// <summary>
/// A figure or table of a paper and the command that makes it, at the quick (CI) and the paper's scale; or, for one that
/// no command reproduces, why not (<see cref="NotReproduced"/>, and no commands).
/// </summary>
/// <param name="Paper">The <see cref="FigurePaper.Id"/> it belongs to.</param>
/// <param name="Id">Folder name within the paper's, unique there, e.g. <c>fig-6a</c>.</param>
/// <param name="Label">As the paper names it, e.g. <c>Fig. 6A</c>.</param>
/// <param name="Caption">What it shows.</param>
/// <param name="Quick">The command's arguments at the quick scale (without <c>--out</c>), or null when not reproduced.</param>
/// <param name="PaperScale">The command's arguments at the paper's scale, or null when not reproduced.</param>
/// <param name="NotReproduced">Why no command makes it, or null.</param>
public sealed record FigureEntry(string Paper, string Id, string Label, string Caption, string[]? Quick, string[]? PaperScale, string? NotReproduced)
{
    /// <summary><c>{paper}/{id}</c>: the entry's name for <c>--only</c> and its folder under <c>--out</c>.</summary>
    public string Key => $"{Paper}/{Id}";

    /// <summary>The arguments at <paramref name="scale"/>, or null when the figure is not reproduced.</summary>
    public IReadOnlyList<string>? Arguments(FigureScale scale) => scale == FigureScale.Paper ? PaperScale : Quick;
}

/// <summary>How much work <c>relukernels figures</c> does per figure.</summary>
public enum FigureScale
{
    /// <summary>Fewer trials, runs and epochs: minutes on 2 cores for the whole catalogue (CI).</summary>
    Quick,

    /// <summary>The papers' scale (hours for some training figures).</summary>
    Paper,
}

/// <summary>
/// Every figure and table of the five papers, mapped to the command that makes it: data, not code, in the embedded
/// resource <c>FigureCatalogue.json</c> beside this file (docs/figures.md lists it).
/// </summary>
/// <param name="Papers">The papers, in report order.</param>
/// <param name="Figures">The entries, in report order within each paper.</param>
public sealed record FigureCatalogue(IReadOnlyList<FigurePaper> Papers, IReadOnlyList<FigureEntry> Figures)
{
    private const string ResourceName = "ReluKernels.Cli.Figures.FigureCatalogue.json";

    /// <summary>The catalogue shipped with the tool.</summary>
    public static FigureCatalogue Default { get; } = Load();

    /// <summary>The entries of <paramref name="paper"/>, in catalogue order.</summary>
    public IEnumerable<FigureEntry> Of(FigurePaper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return Figures.Where(f => f.Paper == paper.Id);
    }

    /// <summary>The entry named <paramref name="key"/> (<c>{paper}/{id}</c>), or null.</summary>
    public FigureEntry? Find(string key) => Figures.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>This catalogue restricted to <paramref name="entries"/> and the papers they belong to.</summary>
    public FigureCatalogue Subset(IReadOnlyCollection<FigureEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new([.. Papers.Where(p => entries.Any(e => e.Paper == p.Id))], [.. Figures.Where(entries.Contains)]);
    }

    private static FigureCatalogue Load()
    {
        using var stream = typeof(FigureCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The figure catalogue resource '{ResourceName}' is missing from the build.");
        return JsonSerializer.Deserialize<FigureCatalogue>(stream, Json.Options)
            ?? throw new InvalidOperationException("The figure catalogue is empty.");
    }
}
