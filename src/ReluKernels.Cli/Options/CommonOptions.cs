using System.CommandLine;
using System.CommandLine.Parsing;
using ReluKernels.Cli.Output;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.Options;

/// <summary>The options every experiment command shares (docs/cli.md), each parsed and range-checked by <see cref="OptionValues"/> or a custom parser.</summary>
public static class CommonOptions
{
    /// <summary><c>--seed</c>.</summary>
    public static Option<ulong> Seed()
    {
        var option = OptionValues.WholeNumber<ulong>("--seed", $"an integer in 0..{ulong.MaxValue}", _ => true);
        option.Description = "Seed of the counter-based random streams.";
        option.DefaultValueFactory = _ => 1;
        return option;
    }

    /// <summary><c>--trials</c>, positive.</summary>
    public static Option<long> Trials(long defaultValue, string description)
    {
        var option = OptionValues.WholeNumber<long>("--trials", $"an integer in 1..{long.MaxValue}", t => t >= 1);
        option.Description = description;
        option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    /// <summary><c>--threads</c>, 1..1024.</summary>
    public static Option<int> Threads()
    {
        var option = OptionValues.WholeNumber<int>("--threads", "an integer in 1..1024", t => t is >= 1 and <= 1024);
        option.Description = "Worker threads (results do not depend on it).";
        option.DefaultValueFactory = _ => Environment.ProcessorCount;
        return option;
    }

    /// <summary>
    /// <c>--shard k/n</c>, <c>auto</c> or <c>auto/N</c> (<see cref="ShardOption"/>), for a command whose shard writes
    /// <paramref name="shardFile"/>; <paramref name="part"/> says what a shard runs and writes. <c>auto</c> reads the process environment while parsing, so a missing or inconsistent
    /// scheduler variable is a usage error before any work.
    /// </summary>
    public static Option<Shard?> Shard(string shardFile, string part = "shard k/n of the blocks and write its counts") => new("--shard")
    {
        Description = $"Run only {part} to {shardFile} (combine with 'merge'); "
            + "auto takes k and n from a Slurm job array, auto/N takes k from a Kubernetes Indexed Job of N completions.",
        CustomParser = r =>
        {
            var shard = ShardOption.TryParse(r.Tokens.Count == 1 ? r.Tokens[0].Value : "", Environment.GetEnvironmentVariable, out string? error);
            if (error is not null)
                r.AddError(error);
            return shard;
        },
    };

    /// <summary><c>--checkpoint FILE</c>.</summary>
    public static Option<string?> Checkpoint() =>
        new("--checkpoint") { Description = "Checkpoint file: resumed if it exists, updated atomically every 2 s and at the end." };

    /// <summary><c>--out</c>.</summary>
    public static Option<string> Out() => new("--out") { Description = "Directory for CSV, JSON and plot files.", DefaultValueFactory = _ => "results" };

    /// <summary><c>--format</c>.</summary>
    public static Option<OutputFormat> Format()
    {
        var option = OptionValues.Choice<OutputFormat>("--format");
        option.Description = "What standard output carries: table, csv or json.";
        option.DefaultValueFactory = _ => OutputFormat.Table;
        return option;
    }

    /// <summary><c>--no-plot</c>.</summary>
    public static Option<bool> NoPlot() => new("--no-plot") { Description = "Do not write the PNG/SVG/PDF plots." };

    /// <summary><c>--dpi</c>: PNG resolution, <see cref="Plots.FigureFiles.MinDpi"/>..<see cref="Plots.FigureFiles.MaxDpi"/>.</summary>
    public static Option<int> Dpi() => IntInRange("--dpi", "PNG resolution in dots per inch (SVG and PDF are vector)",
        Plots.FigureFiles.DefaultDpi, Plots.FigureFiles.MinDpi, Plots.FigureFiles.MaxDpi);

    /// <summary>
    /// An integer-list option whose default is <paramref name="defaults"/>, named in the help as <see cref="Options.IntList.Format"/>
    /// writes it. It has no <c>DefaultValueFactory</c> (the help would show it as <c>2|3|4</c>, which the parser rejects):
    /// read it with <see cref="TrainingCliOptions.ValueOr"/> and the same defaults.
    /// </summary>
    public static Option<int[]> IntList(string name, string description, IReadOnlyList<int> defaults, int min, int max) =>
        IntList(name, description, min, max, $"default {Options.IntList.Format(defaults)}");

    /// <summary>An integer-list option such as <c>--widths 2,3,4</c> or <c>--depths 1..20</c>, each value in [min, max]; <paramref name="syntaxHint"/> is an example or the default.</summary>
    public static Option<int[]> IntList(string name, string description, int min, int max, string syntaxHint)
    {
        return new Option<int[]>(name)
        {
            Description = $"{description} (list or range, {syntaxHint}; each in {min}..{max}).",
            CustomParser = r => Parse(r, name, min, max),
        };

        static int[] Parse(ArgumentResult r, string name, int min, int max)
        {
            try
            {
                var values = Options.IntList.Parse(r.Tokens.Count == 1 ? r.Tokens[0].Value : "");
                foreach (int bad in values.Where(v => v < min || v > max).Take(1))
                    r.AddError($"{name}: {bad} is out of range {min}..{max}");
                return values;
            }
            catch (FormatException ex)
            {
                r.AddError($"{name}: {ex.Message}");
                return [];
            }
        }
    }

    /// <summary><c>--weights</c>.</summary>
    public static Option<WeightDistribution> Weights()
    {
        var option = OptionValues.Choice<WeightDistribution>("--weights");
        option.Description = "Weight distribution: HeNormal, SymmetricUniform, Orthogonal or Rai (randomized asymmetric, weights and biases together; alias --init in collapse).";
        option.DefaultValueFactory = _ => WeightDistribution.HeNormal;
        return option;
    }

    /// <summary><c>--engine</c>.</summary>
    public static Option<EngineKind> Engine()
    {
        var option = OptionValues.Choice<EngineKind>("--engine");
        option.Description = "Monte-Carlo engine: Auto (fastest exact one), FunctionSpace, WeightSpace or PiecewiseLinear.";
        option.DefaultValueFactory = _ => EngineKind.Auto;
        return option;
    }

    /// <summary>A non-negative finite real option.</summary>
    public static Option<double> NonNegative(string name, string description, double defaultValue, bool strictlyPositive = false)
    {
        var option = OptionValues.Real(name, $"a {(strictlyPositive ? "positive" : "non-negative")} finite number",
            v => double.IsFinite(v) && v >= 0 && !(strictlyPositive && v == 0));
        option.Description = description;
        option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    /// <summary>An integer option with values in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> IntInRange(string name, string description, int defaultValue, int min, int max)
    {
        var option = OptionValues.WholeNumber<int>(name, $"an integer in {min}..{max}", v => v >= min && v <= max);
        option.Description = $"{description}, {min}..{max}.";
        option.DefaultValueFactory = _ => defaultValue;
        return option;
    }
}
