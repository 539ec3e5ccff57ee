using System.CommandLine;
using System.CommandLine.Parsing;
using ReluKernels.Cli.Output;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.Options;

/// <summary>The options every experiment command shares (docs/cli.md), each validated at parse time.</summary>
public static class CommonOptions
{
    /// <summary><c>--seed</c>.</summary>
    public static Option<ulong> Seed() => new("--seed") { Description = "Seed of the counter-based random streams.", DefaultValueFactory = _ => 1 };

    /// <summary><c>--trials</c>, positive.</summary>
    public static Option<long> Trials(long defaultValue, string description)
    {
        var option = new Option<long>("--trials") { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long>() < 1)
                r.AddError($"--trials must be positive, got {r.GetValueOrDefault<long>()}");
        });
        return option;
    }

    /// <summary><c>--threads</c>, 1..1024.</summary>
    public static Option<int> Threads()
    {
        var option = new Option<int>("--threads") { Description = "Worker threads (results do not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        option.Validators.Add(r =>
        {
            int t = r.GetValueOrDefault<int>();
            if (t < 1 || t > 1024)
                r.AddError($"--threads must be in 1..1024, got {t}");
        });
        return option;
    }

    /// <summary><c>--out</c>.</summary>
    public static Option<string> Out() => new("--out") { Description = "Directory for CSV, JSON and plot files.", DefaultValueFactory = _ => "results" };

    /// <summary><c>--format</c>.</summary>
    public static Option<OutputFormat> Format() => new("--format") { Description = "What standard output carries: table, csv or json.", DefaultValueFactory = _ => OutputFormat.Table };

    /// <summary><c>--no-plot</c>.</summary>
    public static Option<bool> NoPlot() => new("--no-plot") { Description = "Do not write PNG/SVG plots." };

    /// <summary>An integer-list option whose default is <paramref name="defaults"/>, shown in the help as <see cref="Options.IntList.Format"/> writes it.</summary>
    public static Option<int[]> IntList(string name, string description, IReadOnlyList<int> defaults, int min, int max) =>
        IntList(name, description, Options.IntList.Format(defaults), min, max);

    /// <summary>An integer-list option such as <c>--widths 2,3,4</c> or <c>--depths 1..20</c>, each value in [min, max].</summary>
    public static Option<int[]> IntList(string name, string description, string defaultText, int min, int max)
    {
        return new Option<int[]>(name)
        {
            Description = $"{description} (list or range, e.g. {defaultText}; each in {min}..{max}).",
            DefaultValueFactory = _ => Options.IntList.Parse(defaultText),
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
    public static Option<WeightDistribution> Weights() => new("--weights")
    {
        Description = "Weight distribution: HeNormal, SymmetricUniform or Orthogonal.",
        DefaultValueFactory = _ => WeightDistribution.HeNormal,
    };

    /// <summary><c>--engine</c>.</summary>
    public static Option<EngineKind> Engine() => new("--engine")
    {
        Description = "Monte-Carlo engine: Auto (fastest exact one), FunctionSpace, WeightSpace or PiecewiseLinear.",
        DefaultValueFactory = _ => EngineKind.Auto,
    };

    /// <summary>A non-negative finite real option.</summary>
    public static Option<double> NonNegative(string name, string description, double defaultValue, bool strictlyPositive = false)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!double.IsFinite(v) || v < 0 || (strictlyPositive && v == 0))
                r.AddError($"{name} must be {(strictlyPositive ? "positive" : "non-negative")} and finite, got {v}");
        });
        return option;
    }

    /// <summary>An integer option with values in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> IntInRange(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = $"{description}, {min}..{max}.", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v < min || v > max)
                r.AddError($"{name} must be in {min}..{max}, got {v}");
        });
        return option;
    }
}
