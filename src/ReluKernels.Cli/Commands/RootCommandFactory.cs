using System.CommandLine;

namespace ReluKernels.Cli.Commands;

/// <summary>Builds the <c>relukernels</c> command tree.</summary>
public static class RootCommandFactory
{
    /// <summary>The root command with every subcommand; with no subcommand it runs <c>info</c> for now.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("Deep narrow ReLU networks: generated SIMD kernels and experiments.")
        {
            HelpName = CliErrors.ProgramName,
        };
        root.Add(InfoCommand.Create());
        // Until the collapse command exists (it will become the default), a bare `relukernels` shows `info`.
        root.SetAction(_ => InfoCommand.Run(Spectre.Console.AnsiConsole.Console));
        return root;
    }
}
