using System.Runtime.InteropServices;

namespace Orator.Cli.Commands;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation a command can clean up after
/// (System.CommandLine 2.0.0 leaves <c>ProcessTerminationTimeout</c> unset, so it does not; setting
/// it for every command would also cut <c>orator serve</c>'s graceful shutdown short). A second
/// signal terminates the process as usual.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    /// <summary>Starts listening; <see cref="Token"/> is also cancelled with <paramref name="outer"/>.</summary>
    public SignalCancellation(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested)
        {
            return; // the second one: let it end the process
        }

        context.Cancel = true;
        _source.Cancel();
    }
}
