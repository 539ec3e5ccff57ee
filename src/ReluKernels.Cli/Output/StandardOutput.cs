using Spectre.Console;

namespace ReluKernels.Cli.Output;

/// <summary>The console for tables on standard output.</summary>
public static class StandardOutput
{
    /// <summary>Columns assumed when standard output is not a terminal; Spectre's default of 80 would wrap wide tables cell by cell.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>A console on stdout; when redirected it is <see cref="RedirectedWidth"/> columns wide.</summary>
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
            console.Profile.Width = RedirectedWidth;
        return console;
    }
}
