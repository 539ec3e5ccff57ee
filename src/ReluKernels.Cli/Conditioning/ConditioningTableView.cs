using System.Globalization;
using ReluKernels.Conditioning;
using ReluKernels.Experiments;
using Spectre.Console;

namespace ReluKernels.Cli.Conditioning;

/// <summary>The human-readable conditioning table: per depth, theory beside the simulated mean and 95% interval; "–" where a value does not exist.</summary>
public static class ConditioningTableView
{
    /// <summary>Builds the table; cells are plain text, never markup.</summary>
    public static Table Build(ConditioningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string c in new[] { "depth", "max corr (∞)", "max corr (sim)", "κ(K) (∞)", "κ(K̂) (sim)", "‖K̂ − K‖/n", "κ(Θ) (∞)", "κ(Θ̂) (sim)" })
            table.AddColumn(new TableColumn(c).RightAligned());
        foreach (var d in report.Depths)
            table.AddRow(new[] { d.Depth.ToString(CultureInfo.InvariantCulture), F(d.TheoryMaxCorrelation), E(d.MaxCorrelation), F(d.TheoryConditionNumber),
                E(d.ConditionNumber) + (d.SingularNetworks > 0 ? $" ({d.SingularNetworks} singular)" : ""), E(d.KernelError),
                F(d.TheoryNtkConditionNumber), E(d.NtkConditionNumber) }.Select(cell => new Text(cell)));
        table.Caption(Markup.Escape(FormattableString.Invariant(
            $"{report.Activation}, μ = {report.NonLinearity:F6}; n = {report.Inputs} inputs in d = {report.Dimension}, δ = {report.Separation:F4}, λ_min(G) = {Number(report.SmallestGramEigenvalue)}; ")
            + FormattableString.Invariant($"simulation: width {report.Width}, {report.Networks} networks, mean [95% interval]. ∞ = infinite-width theory (Agarwal et al. 2021).")));
        return table;
    }

    private static string F(double? value) => value is { } v && double.IsFinite(v) ? Number(v) : "–";

    private static string E(Estimate? e) => e is null ? "–" : $"{Number(e.Mean)} [{Number(e.Low)}, {Number(e.High)}]";

    // Six significant digits, and never "-0".
    private static string Number(double v) => (Math.Abs(v) < 5e-7 ? 0 : v).ToString("G6", CultureInfo.InvariantCulture);
}
