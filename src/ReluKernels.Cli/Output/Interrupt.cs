namespace ReluKernels.Cli.Output;

/// <summary>Turns Ctrl+C into a cancellation request so a run can stop after its current round and save its checkpoint.</summary>
public sealed class Interrupt : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    /// <summary>Starts listening for Ctrl+C.</summary>
    public Interrupt() => Console.CancelKeyPress += OnCancel;

    /// <summary>Cancelled on Ctrl+C.</summary>
    public CancellationToken Token => _source.Token;

    /// <inheritdoc/>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _source.Cancel();
    }
}
