using System.CommandLine;
using System.Globalization;
using ReluKernels.Experiments.Training;
using ReluKernels.Training;

namespace ReluKernels.Cli.Options;

/// <summary>
/// The options of the training commands, parsed and range-checked by <see cref="OptionValues"/>. Options whose default depends on <c>--paper</c> have no
/// default of their own: <see cref="ValueOr"/> takes the value given on the command line, else the caller's default.
/// </summary>
public static class TrainingCliOptions
{
    /// <summary><c>--runs</c>: independent trainings, 1..<paramref name="max"/> (the command's memory limit, docs/reliability.md).</summary>
    public static Option<int> Runs(string description, int max)
    {
        var option = OptionValues.WholeNumber<int>("--runs", $"an integer in 1..{max}", v => v >= 1 && v <= max);
        option.Description = description;
        return option;
    }

    /// <summary><c>--epochs</c>: epochs per training, positive.</summary>
    public static Option<int> Epochs(string description) => Positive("--epochs", description);

    /// <summary><c>--lr</c>: the learning rate, positive and finite.</summary>
    public static Option<double> LearningRate(string description)
    {
        var option = OptionValues.Real("--lr", "a positive finite number", v => v > 0 && double.IsFinite(v));
        option.Description = description;
        return option;
    }

    /// <summary><c>--optimizer</c>: one of <see cref="OptimizerKind"/>.</summary>
    public static Option<OptimizerKind> Optimizer(string description)
    {
        var option = OptionValues.Choice<OptimizerKind>("--optimizer");
        option.Description = description;
        return option;
    }

    /// <summary><c>--optimizer</c>: a <see cref="OptimizerKind"/> name, or <see cref="AllOptimizers"/> for each of <see cref="OptimizerKindExtensions.LuEtAl"/>; <see cref="KindOrAll"/> reads it.</summary>
    public static Option<string> OptimizerOrAll(string description)
    {
        var option = new Option<string>("--optimizer") { Description = description };
        option.AcceptOnlyFromAmong([.. Enum.GetValues<OptimizerKind>().Select(k => k.Name()), AllOptimizers]);
        return option;
    }

    /// <summary>The optimiser <paramref name="option"/> names (else <paramref name="fallback"/>), or null for <see cref="AllOptimizers"/>.</summary>
    public static OptimizerKind? KindOrAll(this ParseResult result, Option<string> option, OptimizerKind fallback)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.WasGiven(option))
            return fallback;
        string name = result.GetValue(option)!;
        return name == AllOptimizers ? null : Enum.GetValues<OptimizerKind>().Single(k => k.Name() == name);
    }

    /// <summary>The <c>--optimizer</c> value that runs every optimiser of <see cref="OptimizerKindExtensions.LuEtAl"/>.</summary>
    public const string AllOptimizers = "all";

    /// <summary><c>--momentum</c>: μ in [0, 1) for the momentum optimisers; <see cref="OptimizerDefaults.Momentum"/> by default.</summary>
    public static Option<double> Momentum()
    {
        var option = OptionValues.Real("--momentum", "a number in [0, 1)", v => v is >= 0 and < 1);
        option.Description = $"Momentum μ in [0, 1) for --optimizer momentum or nesterov (default {OptimizerDefaults.Momentum.ToString(CultureInfo.InvariantCulture)}).";
        option.DefaultValueFactory = _ => OptimizerDefaults.Momentum;
        return option;
    }

    /// <summary><c>--batch-size</c>: samples per mini-batch, 0 for full batch.</summary>
    public static Option<int> BatchSize(string description)
    {
        var option = OptionValues.WholeNumber<int>("--batch-size", $"an integer in 0..{int.MaxValue} (0 = full batch)", v => v >= 0);
        option.Description = description;
        return option;
    }

    /// <summary><c>--loss</c>: mse or mae.</summary>
    public static Option<LossOption> Loss()
    {
        var option = OptionValues.Choice<LossOption>("--loss");
        option.Description = "Training loss: mse or mae.";
        option.DefaultValueFactory = _ => LossOption.Mse;
        return option;
    }

    /// <summary><c>--balance</c>: none (default), project or penalty.</summary>
    public static Option<BalanceOption> Balance()
    {
        var option = OptionValues.Choice<BalanceOption>("--balance");
        option.Description = "Neuron balance: none (default), project (rebalance every hidden neuron after every step; the function is unchanged) "
            + "or penalty (add --balance-weight · Σ_i (‖c_i‖² − ‖a_i‖²)² to the gradient).";
        option.DefaultValueFactory = _ => BalanceOption.None;
        return option;
    }

    /// <summary><c>--balance-weight</c>: λ of the balance penalty, non-negative and finite.</summary>
    public static Option<double> BalanceWeight(double defaultValue) =>
        CommonOptions.NonNegative("--balance-weight",
            $"λ of --balance penalty, finite and ≥ 0 (default {defaultValue.ToString(CultureInfo.InvariantCulture)}).", defaultValue);

    /// <summary><c>--redundancy-weight</c>: λ_r of the redundancy penalty, non-negative and finite; 0 (the default) is off.</summary>
    public static Option<double> RedundancyWeight() =>
        CommonOptions.NonNegative("--redundancy-weight",
            "λ_r of the redundancy penalty: add λ_r · Σ_{i<j} max(0, cos(a_i, a_j))² over each hidden layer's incoming vectors to the gradient; "
            + "finite and ≥ 0 (default 0: off).", 0);

    /// <summary><c>--paper</c>: the paper's settings for every option not given explicitly.</summary>
    public static Option<bool> Paper(string description) => new("--paper") { Description = description };

    /// <summary>The value of <paramref name="option"/> when it was given, else <paramref name="fallback"/>.</summary>
    public static T ValueOr<T>(this ParseResult result, Option<T> option, T fallback)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetResult(option) is { Implicit: false } ? result.GetValue(option)! : fallback;
    }

    /// <summary>
    /// The optimiser <paramref name="kind"/> with <c>--lr</c> (else <paramref name="defaultLearningRate"/>, else the
    /// optimiser's own default) and <c>--momentum</c>.
    /// </summary>
    /// <exception cref="UsageException"><c>--momentum</c> was given for an optimiser without momentum (or is 0 for Nesterov), or <c>--lr</c> for one without a learning rate.</exception>
    public static OptimizerSettings OptimizerSettings(this ParseResult result, OptimizerKind kind, Option<double> learningRate,
        Option<double> momentum, double? defaultLearningRate)
    {
        if (result.WasGiven(momentum) && !kind.UsesMomentum())
            throw new UsageException($"--momentum applies to --optimizer momentum or nesterov, not {kind.Name()}");
        // Nesterov's look-ahead is undefined without momentum (as in PyTorch); the library would refuse it at run time.
        if (kind == OptimizerKind.Nesterov && result.GetValue(momentum) == 0)
            throw new UsageException("--momentum must be > 0 for --optimizer nesterov");
        if (result.WasGiven(learningRate) && !kind.HasLearningRate())
            throw new UsageException($"--lr applies to the first-order optimisers, not {kind.Name()} (a line search sets its steps)");
        double? lr = result.WasGiven(learningRate) ? result.GetValue(learningRate) : kind.HasLearningRate() ? defaultLearningRate : null;
        return kind.Settings(lr, result.GetValue(momentum));
    }

    /// <summary>Whether <paramref name="option"/> was given on the command line.</summary>
    public static bool WasGiven(this ParseResult result, Option option)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetResult(option) is { Implicit: false };
    }

    private static Option<int> Positive(string name, string description)
    {
        var option = OptionValues.WholeNumber<int>(name, $"an integer in 1..{int.MaxValue}", v => v >= 1);
        option.Description = description;
        return option;
    }
}
