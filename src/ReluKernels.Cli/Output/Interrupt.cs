using System.Runtime.InteropServices;

namespace ReluKernels.Cli.Output;

/// <summary>
/// Turns the first SIGINT (Ctrl+C) or SIGTERM (<c>kill</c>, schedulers) into a cancellation request, so a run stops after
/// its current round and saves its checkpoint; a second signal while it stops ends the process at once. That is safe:
/// every file is replaced atomically, so the checkpoint on disk is then the last complete one written.
/// </summary>
public sealed class Interrupt : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    /// <summary>Starts listening for SIGINT and SIGTERM.</summary>
    public Interrupt() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];

    /// <summary>Cancelled on the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The signal that stopped the run; null while none arrived.</summary>
    public PosixSignal? Signal => Volatile.Read(ref _signal) is 0 ? null : (PosixSignal)Volatile.Read(ref _signal);

    /// <summary>
    /// Reports the stop on standard error as one line, <c>relukernels: interrupted (SIGTERM)</c> followed by
    /// <paramref name="resume"/> (how to continue) if given, and returns the exit code for the signal (docs/cli.md).
    /// </summary>
    public int Report(string? resume = null)
    {
        var signal = Signal ?? PosixSignal.SIGINT;
        return CliErrors.Report(Console.Error, ExitCodes.Interrupted(signal), resume is null ? $"interrupted ({Name(signal)})" : $"interrupted ({Name(signal)}); {resume}");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _signal, (int)context.Signal, 0) != 0)
        {
            // Second signal: the user or scheduler will not wait for the round to end.
            CliErrors.Report(Console.Error, ExitCodes.Interrupted(context.Signal), $"interrupted again ({Name(context.Signal)}); stopped at once, any checkpoint holds its last complete save");
            Environment.Exit(ExitCodes.Interrupted(context.Signal));
        }
        context.Cancel = true;
        _source.Cancel();
    }

    private static string Name(PosixSignal signal) => signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";
}
