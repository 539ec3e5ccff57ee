using System.Globalization;
using ReluKernels.Experiments;
using Spectre.Console;

namespace ReluKernels.Cli.Activations;

/// <summary>The human-readable activations table: constants, μ beside its closed form, and σ̂ at a few ρ.</summary>
public static class ActivationsTableView
{
    /// <summary>Builds the table; cells are plain text, never markup.</summary>
    public static Table Build(IReadOnlyList<ActivationReport> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("activation"));
        foreach (string column in new[] { "E σ", "E σ²", "shift", "factor", "μ", "μ closed form", "C.4" })
            table.AddColumn(new TableColumn(column).RightAligned());
        var rhos = rows.Count > 0 ? rows[0].Correlations : [];
        foreach (double rho in rhos)
            table.AddColumn(new TableColumn($"σ̂({rho.ToString(CultureInfo.InvariantCulture)})").RightAligned());
        foreach (var r in rows)
            table.AddRow([new Text(r.Activation), new Text(F(r.Mean)), new Text(F(r.SecondMoment)), new Text(F(r.Shift)), new Text(F(r.Factor)),
                new Text(F(r.NonLinearity)), new Text(r.ClosedFormNonLinearity is { } c ? F(c) : "–"), new Text(r.InPaperTable ? "✓" : ""),
                .. r.Dual.Select(d => new Text(F(d) + (r.DualClosedForm ? "" : "*")))]);
        table.Caption(Markup.Escape("X ~ N(0, 1). μ = 1 − (E[X σ̄(X)])² and σ̂(ρ) = E[σ̄(X) σ̄(Y)], corr(X, Y) = ρ, of the normalised σ̄ = "
            + "(σ − shift)·factor. C.4 ✓ = a row of Agarwal et al. (2021), App. C.4. * = σ̂ by quadrature (no closed form)."));
        return table;
    }

    private static string F(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);
}
