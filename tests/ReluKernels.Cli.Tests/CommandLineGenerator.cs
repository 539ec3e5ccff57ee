using FsCheck;
using FsCheck.Fluent;

namespace ReluKernels.Cli.Tests;

/// <summary>One generated command line (without <c>--out</c>, which the test adds).</summary>
public sealed record CommandLine(string[] Args)
{
    /// <inheritdoc/>
    public override string ToString() => string.Join(" ", Args.Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
}

/// <summary>
/// Command lines for every command: each option with a valid value, a boundary value on either side of its range, or
/// junk, plus unknown options, a trailing option without its value, a repeated option and stray tokens. The options that
/// set the amount of work (<c>--trials</c>, <c>--runs</c>, <c>--epochs</c>) never get a large valid value and are added
/// with a tiny one when absent, so every case that parses also finishes quickly.
/// </summary>
public static class CommandLineGenerator
{
    /// <param name="Name">The option, e.g. <c>--trials</c>; a flag when <paramref name="Valid"/> is empty.</param>
    /// <param name="Valid">Accepted values, including the ends of the range.</param>
    /// <param name="Invalid">Values just outside the range, then <see cref="Junk"/>.</param>
    private sealed record OptionSpec(string Name, string[] Valid, string[] Invalid)
    {
        public bool IsFlag => Valid.Length == 0;

        // Mostly valid values, so that many generated lines parse and run rather than failing on their first option.
        public Gen<string> Value() => Gen.Frequency((6, Gen.Elements(Valid)), (1, Gen.Elements(Invalid)));
    }

    private sealed record CommandSpec(string[] Prefix, OptionSpec[] Options, string[][] Budget);

    private static readonly string[] Junk = ["abc", "", "1e30", "-1", "NaN"];

    private static OptionSpec O(string name, string[] valid, params string[] invalid) => new(name, valid, [.. invalid, .. Junk]);

    private static readonly OptionSpec Trials = O("--trials", ["64", "1"], "0", "9223372036854775808");
    private static readonly OptionSpec Seed = O("--seed", ["0", "7", "18446744073709551615"], "18446744073709551616");
    private static readonly OptionSpec Threads = O("--threads", ["1", "2", "1024"], "0", "1025", "1.5");
    private static readonly OptionSpec Format = O("--format", ["table", "CSV", "json"], "xml", "1");
    private static readonly OptionSpec Weights = O("--weights", ["HeNormal", "orthogonal", "SymmetricUniform"], "Foo", "0");
    private static readonly OptionSpec Engine = O("--engine", ["Auto", "FunctionSpace", "WeightSpace", "PiecewiseLinear"], "7");
    private static readonly OptionSpec Runs = O("--runs", ["1", "2"], "0", "2147483648");
    private static readonly OptionSpec Epochs = O("--epochs", ["1", "2"], "0", "1e9");
    private static readonly OptionSpec LearningRate = O("--lr", ["0.01", "1e-3"], "0", "Infinity");
    private static readonly OptionSpec Optimizer = O("--optimizer", ["adam", "sgd", "Momentum", "nesterov", "adagrad", "AdaDelta", "rmsprop", "bfgs", "lbfgs"], "all", "lbfgsb");
    private static readonly OptionSpec OptimizerOrAll = O("--optimizer", ["adam", "sgd", "nesterov", "adagrad", "adadelta", "RmsProp", "bfgs", "lbfgs", "all"], "rprop", "all,adam");
    private static readonly OptionSpec Momentum = O("--momentum", ["0", "0.5", "0.999"], "1", "-0.1");
    private static readonly OptionSpec BatchSize = O("--batch-size", ["0", "4"], "2147483648");
    private static readonly OptionSpec Paper = new("--paper", [], []);
    private static readonly OptionSpec Radius = O("--radius", ["1", "0.5"], "0", "Infinity");

    // --no-plot is always given by the test (plots are slow), so it is not generated.
    private static readonly OptionSpec Dpi = O("--dpi", ["50", "150", "1200"], "49", "1201", "1.5");

    private static OptionSpec[] Shared => [Seed, Threads, Format, Dpi];

    private static readonly string[][] MonteCarloBudget = [["--trials", "64"]];
    private static readonly string[][] TrainingBudget = [["--runs", "2"], ["--epochs", "2"]];

    private static readonly CommandSpec[] Commands =
    [
        new(["collapse"], [
            O("--widths", ["2,3", "2..4", "1", "64"], "0", "65", "2,,3"), O("--depths", ["1..5", "30", "1"], "0", "100001", "5..2"), Trials,
            O("--target-half-width", ["0.4", "0.49"], "0", "0.5"), Weights, O("--bias-std", ["0", "0.5"], "-0.1"), Radius,
            O("--probe", ["0.5", "-1"], "5"), Engine, O("--shard", ["0/2", "1/2"], "2/2", "one"), .. Shared], MonteCarloBudget),
        new([], [O("--widths", ["2"], "0"), O("--depths", ["1..3"], "0"), Trials, .. Shared], MonteCarloBudget),
        new(["safe-depth"], [O("--widths", ["2,3", "16", "1"], "17"), O("--p", ["0.1", "0.01,0.5"], "0", "1", "0.5,x"), Trials, Weights, Engine, .. Shared],
            MonteCarloBudget),
        new(["trainability"], [
            O("--input-dim", ["1", "3"], "0", "4097"), Radius, O("--required", ["1", "2"], "0", "100001"), O("--widths", ["2..4", "5,8"], "0,3", "100001"),
            O("--delta", ["0.5", "0.001"], "0", "1"), Trials, .. Shared], MonteCarloBudget),
        new(["active-neurons"], [
            O("--architecture", ["1,6,4,2", "1,3"], "2,6,4", "1", "1,65", "1,0"),
            O("--schemes", ["sphere-nobias", "normal-bias+sphere-bias"], "bogus", "sphere-bias+"), Radius, O("--required", ["2,2,1", "1"], "7,1,1", "2,2"),
            Trials, .. Shared], MonteCarloBudget),
        new(["train-collapse"], [
            O("--target", ["abs", "xsin5x", "step-sine", "abs-sum-diff"], "sine"), O("--loss", ["mse", "MAE"], "l2"), O("--width", ["2", "64"], "0", "65", "2.5"),
            O("--depth", ["1", "3"], "0"), Runs, Epochs, LearningRate, OptimizerOrAll, Momentum, BatchSize,
            O("--balance", ["none", "project", "Penalty"], "projection", "1"), O("--balance-weight", ["0", "0.1", "1e3"], "-0.1", "NaN", "Infinity"),
            O("--redundancy-weight", ["0", "0.1", "1e3"], "-0.1", "NaN", "Infinity"),
            Paper, .. Shared], TrainingBudget),
        new(["train-success"], [
            O("--targets", ["f1", "f1,f2", "f2"], "f3"), O("--widths", ["4", "2,4"], "1", "65"), Runs, Epochs, LearningRate, Optimizer, Momentum, BatchSize,
            Paper, .. Shared], TrainingBudget),
        new(["init-compare"], [O("--tasks", ["f3", "f3,f4"], "f5", "x,"), Runs, Epochs, Paper, .. Shared], TrainingBudget),
        new(["train-remedies"], [
            O("--remedies", ["he", "batch-norm,selu", "lsuv,rai,leaky-relu"], "bn", "he,"), O("--target", ["abs", "xsin5x", "abs-sum-diff"], "sine"),
            O("--width", ["2", "3"], "0", "65"), O("--depth", ["1", "3"], "0"), O("--dropout", ["0.1", "0.5"], "0", "1", "-0.1"), Runs, Epochs, Paper, .. Shared],
            TrainingBudget),
        new(["activations"], [Format], []),
        new(["compositional"], [
            O("--targets", ["x3", "x3,sine"], "x2", "x3,,"), O("--waves", ["auto", "subtract", "Add"], "both"), O("--depth", ["1", "5"], "0", "23"),
            O("--points", ["2", "20"], "1"), O("--models", ["1", "2"], "0"), O("--epochs", ["4", "6"], "1"), O("--pretrain-epochs", ["1", "3"], "0"),
            O("--lr", ["0.01"], "0"), O("--pretrain-lr", ["0.1"], "-1"), O("--peaks", ["0.5,0.5,0.5,0.5,0.5,0.5"], "0.5,1.5", "0,0.5", "x"), .. Shared],
            [["--targets", "x3"], ["--points", "20"], ["--models", "1"], ["--epochs", "4"], ["--pretrain-epochs", "2"]]),
        new(["conditioning"], [
            O("--activation", ["normalised-relu", "SIGN", "norm-relu", "leaky-relu(slope=0.2)"], "leaky-relu", "softplus"),
            O("--inputs", ["2", "3"], "1", "1001"), O("--dimension", ["3", "1"], "0"), O("--separation", ["0.1", "1"], "0", "1.5"),
            O("--max-depth", ["1", "3"], "0", "1001"), O("--width", ["4", "8"], "1", "4097"), O("--networks", ["2", "3"], "1"),
            O("--widths", ["4,8", "16"], "1", "4097"), .. Shared], [["--networks", "2"], ["--width", "4"], ["--max-depth", "2"]]),
        new(["train-depth"], [
            O("--width", ["2", "8"], "1", "1025"), O("--depths", ["1", "1,3", "2..3"], "0", "257", "3..1"), O("--inputs", ["2", "4"], "1", "1001"),
            O("--dimension", ["2", "16"], "0", "17"), O("--separation", ["0.1", "0.5"], "0", "1.5"), Epochs, LearningRate, Runs, .. Shared],
            [["--runs", "1"], ["--epochs", "2"], ["--depths", "1"], ["--inputs", "4"]]),
        new(["degeneracy"], [
            O("--steps", ["1", "2"], "0", "13"), O("--width", ["1", "3"], "0", "33"), O("--pairs", ["1", "3"], "0", "1000001"),
            O("--tolerance", ["1e-6", "0.1"], "0", "-1e-9", "Infinity"), Seed, Format], [["--steps", "2"], ["--pairs", "3"]]),
        new(["length-map"], [
            O("--activation", ["relu", "all", "SELU", "leaky-relu(slope=0.2)"], "leaky-relu", "tanh", "softplus"),
            O("--init", ["He", "lecun", "all"], "Xavier"), O("--width", ["1", "4"], "0", "1025"), O("--depth", ["1", "3"], "0", "257"),
            O("--bias-std", ["0", "0.5"], "-0.1", "Infinity"), O("--trials", ["2", "8"], "1"), .. Shared],
            [["--trials", "4"], ["--width", "4"], ["--depth", "3"]]),
        new(["merge", "does-not-exist.json"], [Format], []),
        // Only the cheapest entries (a table without plot, a figure no command makes), so that a case that parses runs in a second.
        new(["figures"], [
            O("--only", ["agarwal-2021/mu-table", "agarwal-2021/fig-6", "agarwal-2021/mu-table,agarwal-2021/fig-6"], "nope", "lu-2019/fig-99", ","),
            new("--quick", [], []), Paper, Seed, Threads, Dpi, O("--shard", ["0/2", "1/2"], "2/2", "one")], [["--only", "agarwal-2021/mu-table"]]),
    ];

    /// <summary>A command line for one of the commands.</summary>
    public static Arbitrary<CommandLine> CommandLines() => Gen.Elements(Commands).SelectMany(Generate).ToArbitrary();

    private static Gen<CommandLine> Generate(CommandSpec command) =>
        from chosen in Gen.SubListOf(command.Options)
        from tokens in Gen.CollectToArray(chosen, o => o.IsFlag ? Gen.Constant(new[] { o.Name }) : o.Value().Select(v => new[] { o.Name, v }))
        from mischief in Gen.Frequency((3, Gen.Constant(Array.Empty<string>())), (1, Gen.Elements(Mischief(command))))
        select new CommandLine([.. command.Prefix, .. tokens.SelectMany(t => t), .. Budget(command, chosen), .. mischief]);

    // Work-setting options absent from the generated ones get their tiny value.
    private static IEnumerable<string> Budget(CommandSpec command, IEnumerable<OptionSpec> chosen) =>
        command.Budget.Where(b => !chosen.Any(o => o.Name == b[0])).SelectMany(b => b);

    private static string[][] Mischief(CommandSpec command) =>
    [
        ["--bogus"], ["--bogus", "1"], ["stray"],
        [command.Options[0].Name],
        [command.Options[0].Name, command.Options[0].Valid[0], command.Options[0].Name, command.Options[0].Valid[0]],
        ["--no-plot", "--no-plot"],
    ];
}
