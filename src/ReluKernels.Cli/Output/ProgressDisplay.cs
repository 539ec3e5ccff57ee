using Spectre.Console;

namespace ReluKernels.Cli.Output;

/// <summary>
/// A live progress bar on standard error when it is a terminal; nothing otherwise, so redirected output and CI logs stay
/// clean and standard output carries only the result.
/// </summary>
public static class ProgressDisplay
{
    private static readonly AsyncLocal<bool> s_suppressed = new();

    /// <summary>
    /// True while an enclosing command shows its own progress (<c>figures</c> runs other commands in process): their bars
    /// would draw over it, so none is shown.
    /// </summary>
    public static bool Suppressed
    {
        get => s_suppressed.Value;
        set => s_suppressed.Value = value;
    }

    /// <summary>Runs <paramref name="work"/>, giving it a callback (done, total) that moves the bar.</summary>
    /// <param name="title">The bar's label.</param>
    /// <param name="interrupt">The run's interrupt: once signalled, the bar stays where the work left it.</param>
    /// <param name="work">The run.</param>
    public static T Run<T>(string title, Interrupt interrupt, Func<Action<long, long>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(interrupt);
        if (Console.IsErrorRedirected || Suppressed)
            return work(null);
        // Standard error is a terminal (checked above); stdout may well be redirected to a file, which must not hide the bar.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                result = work((done, total) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = Math.Min(done, total);
                });
                // A run that stops early by design (a target half-width) is finished; an interrupted one is not.
                if (interrupt.Signal is null)
                    task.Value = task.MaxValue;
            });
        return result;
    }
}
