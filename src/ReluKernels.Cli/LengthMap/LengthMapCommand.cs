using System.CommandLine;
using ReluKernels.Activations;
using ReluKernels.Cli.Conditioning;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ReluKernels.LengthMap;

namespace ReluKernels.Cli.LengthMap;

/// <summary>
/// <c>relukernels length-map</c>: per layer, the length map E[q^l] of Lu, Su &amp; Karniadakis (2019), §3, beside the mean of
/// q^l over random finite-width networks, for He, LeCun and Glorot initialisation and each activation the kernels offer.
/// </summary>
public static class LengthMapCommand
{
    private const string All = "all";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var activation = new Option<string>("--activation")
        {
            Description = $"Activation by a name 'activations' lists, or '{All}': {string.Join(", ", KernelActivationOf.Simulable)}.",
            DefaultValueFactory = _ => All,
        };
        var init = new Option<string>("--init")
        {
            Description = $"Weight initialiser: {string.Join(", ", LengthMapInits.All)} or '{All}'.",
            DefaultValueFactory = _ => All,
        };
        var width = CommonOptions.IntInRange("--width", "Neurons per layer N (the input (1, …, 1) has N entries, so q⁰ = 1)",
            LengthMapDefaults.Width, 1, ShapeLimits.MaxRuntimeWidth);
        var depth = CommonOptions.IntInRange("--depth", "Layers L", LengthMapDefaults.Depth, 1, ShapeLimits.MaxDepth);
        var biasStd = CommonOptions.NonNegative("--bias-std", "σ_b: biases N(0, σ_b²) in every layer (0: no bias)", LengthMapDefaults.BiasStd);
        var trials = CommonOptions.IntInRange("--trials", "Random networks per activation and initialiser", LengthMapDefaults.Trials, 2, 10_000_000);
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command("length-map", "The length map E[q^l] per layer (Lu, Su & Karniadakis 2019, §3) beside finite-width simulation, for He, LeCun and Glorot.")
        {
            activation, init, width, depth, biasStd, trials, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            var activations = Activations(r.GetValue(activation)!);
            var inits = Inits(r.GetValue(init)!);
            var settings = new LengthMapSettings(r.GetValue(width), r.GetValue(depth), r.GetValue(biasStd), r.GetValue(trials), r.GetValue(seed), r.GetValue(threads));
            return Run(activations, inits, settings, r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)));
        });
        return command;
    }

    private static IReadOnlyList<ScalarActivation> Activations(string name)
    {
        if (name.Equals(All, StringComparison.OrdinalIgnoreCase))
            return KernelActivationOf.Simulable;
        var found = ActivationByName.Find(name);
        return KernelActivationOf.Find(found) is null
            ? throw new UsageException($"--activation: {found} has no kernel to simulate; use one of {string.Join(", ", KernelActivationOf.Simulable)} or '{All}'")
            : [found];
    }

    private static IReadOnlyList<LengthMapInit> Inits(string name)
    {
        if (name.Equals(All, StringComparison.OrdinalIgnoreCase))
            return LengthMapInits.All;
        foreach (var init in LengthMapInits.All)
            if (init.ToString().Equals(name, StringComparison.OrdinalIgnoreCase))
                return [init];
        throw new UsageException($"--init must be one of {string.Join(", ", LengthMapInits.All)} or '{All}', got '{name}'");
    }

    private static int Run(IReadOnlyList<ScalarActivation> activations, IReadOnlyList<LengthMapInit> inits, LengthMapSettings settings,
        string outDirectory, OutputFormat format, FigureFiles? figures)
    {
        using var interrupt = new Interrupt();
        LengthMapReport report;
        try
        {
            report = ProgressDisplay.Run("length-map", interrupt, progress =>
            {
                var runs = new List<LengthMapRun>();
                long total = (long)activations.Count * inits.Count;
                foreach (var φ in activations)
                    foreach (var init in inits)
                    {
                        runs.Add(LengthMapSimulation.Run(φ, init, settings, interrupt.Token));
                        progress?.Invoke(runs.Count, total);
                    }
                return new LengthMapReport(settings.Width, settings.Depth, settings.BiasStd, settings.Trials, settings.Seed, runs);
            });
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        ExperimentFiles.Write(Path.Combine(outDirectory, "length-map"), Json.Serialize(report), LengthMapCsv.Build(report),
            figures is null ? null : stem => LengthMapPlot.Save(report, figures, stem), () => LengthMapTableView.Build(report), format);
        return ExitCodes.Success;
    }
}
