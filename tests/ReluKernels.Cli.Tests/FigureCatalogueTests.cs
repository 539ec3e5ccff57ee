using System.CommandLine;
using ReluKernels.Cli.Commands;
using ReluKernels.Cli.Figures;

namespace ReluKernels.Cli.Tests;

/// <summary>The figure catalogue is valid: every command line parses, every paper has entries, ids are unique.</summary>
public sealed class FigureCatalogueTests
{
    private static readonly FigureCatalogue Catalogue = FigureCatalogue.Default;

    public static TheoryData<string, string> CommandLines()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in Catalogue.Figures.Where(f => f.NotReproduced is null))
        {
            data.Add(entry.Key, "quick");
            data.Add(entry.Key, "paper");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void Every_command_line_parses(string key, string scale)
    {
        var entry = Catalogue.Find(key)!;
        var arguments = entry.Arguments(scale == "paper" ? FigureScale.Paper : FigureScale.Quick)!;
        var result = RootCommandFactory.Create().Parse([.. arguments, "--out", "figures-test"]);
        Assert.Empty(result.Errors.Select(e => e.Message));
        Assert.Equal(arguments[0], result.CommandResult.Command.Name);
        Assert.NotEqual(FiguresCommand.Name, arguments[0]);
    }

    [Fact]
    public void The_five_papers_are_there_and_each_has_figures()
    {
        Assert.Equal(["lu-2019", "shin-2020", "berner-2019", "milkert-2023", "agarwal-2021"], Catalogue.Papers.Select(p => p.Id));
        foreach (var paper in Catalogue.Papers)
            Assert.NotEmpty(Catalogue.Of(paper));
        Assert.All(Catalogue.Figures, f => Assert.Contains(Catalogue.Papers, p => p.Id == f.Paper));
    }

    [Fact]
    public void Ids_are_unique_and_fit_a_folder_name()
    {
        Assert.Equal(Catalogue.Papers.Count, Catalogue.Papers.Select(p => p.Id).Distinct().Count());
        Assert.Equal(Catalogue.Figures.Count, Catalogue.Figures.Select(f => f.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Catalogue.Figures, f => Assert.Matches("^[a-z0-9-]+$", f.Id));
    }

    [Fact]
    public void An_entry_has_both_commands_or_a_reason_it_is_not_reproduced()
    {
        Assert.All(Catalogue.Figures, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Caption));
            if (f.NotReproduced is null)
            {
                Assert.NotNull(f.Quick);
                Assert.NotNull(f.PaperScale);
            }
            else
            {
                Assert.Null(f.Quick);
                Assert.Null(f.PaperScale);
            }
        });
    }

    // The figures the brief names (issue 22): each has an entry, reproduced or not.
    [Theory]
    [InlineData("lu-2019", "fig-1", "fig-2", "fig-3", "fig-4", "fig-5", "fig-6a", "fig-6b", "fig-7", "remedies")]
    [InlineData("shin-2020", "fig-3", "fig-4", "fig-5", "fig-6", "fig-7")]
    [InlineData("berner-2019", "figs-1-5")]
    [InlineData("milkert-2023", "fig-4", "fig-5", "table-1", "table-2")]
    [InlineData("agarwal-2021", "mu-table", "conditioning-depth")]
    public void Every_figure_of_the_issue_has_an_entry(string paper, params string[] ids)
    {
        foreach (string id in ids)
            Assert.NotNull(Catalogue.Find($"{paper}/{id}"));
    }
}
