using System.Diagnostics;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// The progress of a render, on standard error only (standard output may be the audio): on a
/// terminal one line redrawn in place four times a second (from half a second in, erased at the
/// end); otherwise plain lines, one for every further 10 % of the characters or every minute,
/// whichever comes first, from two seconds in (a render that ends sooner prints none), and a
/// last one at 100 %. <c>--quiet</c> shows nothing.
/// </summary>
internal sealed class SayProgress : IAsyncDisposable
{
    /// <summary>How often the display looks at the render.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    /// <summary>When a terminal line first appears.</summary>
    public static readonly TimeSpan TerminalAfter = TimeSpan.FromMilliseconds(500);

    /// <summary>When the first plain line may appear.</summary>
    public static readonly TimeSpan PlainAfter = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two plain lines.</summary>
    public static readonly TimeSpan PlainEvery = TimeSpan.FromMinutes(1);

    /// <summary>Percent of the characters between two plain lines.</summary>
    public const int PlainStepPercent = 10;

    private const string Prefix = "orator say: ";

    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly long _total;
    private readonly Func<ProgressSnapshot> _snapshot;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private bool _drawn;
    private int _lastStep = -1;
    private TimeSpan _lastLine;
    private bool _stopped;

    private SayProgress(TextWriter error, bool terminal, bool quiet, long total, Func<ProgressSnapshot> snapshot)
    {
        _error = error;
        _terminal = terminal;
        _total = total;
        _snapshot = snapshot;
        _loop = quiet ? Task.CompletedTask : Task.Run(LoopAsync);
    }

    /// <summary>Starts showing the progress of a render of <paramref name="total"/> characters, as <paramref name="snapshot"/> reports it.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="terminal">Whether standard error is a terminal.</param>
    /// <param name="quiet">Show nothing.</param>
    /// <param name="total">Characters in the input.</param>
    /// <param name="snapshot">Called on a timer thread: how far the render is.</param>
    public static SayProgress Start(TextWriter error, bool terminal, bool quiet, long total, Func<ProgressSnapshot> snapshot)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(snapshot);
        return new SayProgress(error, terminal, quiet, total, snapshot);
    }

    /// <summary>The render is complete: stops, and ends the plain lines (if any were shown) with one at 100 %.</summary>
    public async Task CompleteAsync()
    {
        await StopAsync();
        if (!_terminal && _lastStep >= 0 && _lastStep < 100 / PlainStepPercent)
        {
            await _error.WriteLineAsync(Prefix + ProgressLine.Format(new ProgressSnapshot(_total, _snapshot().AudioSeconds), _total, _clock.Elapsed));
        }
    }

    /// <summary>Stops and erases the terminal line, so whatever is written next starts on a clean line.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_drawn)
        {
            // Carriage return, erase the line.
            await _error.WriteAsync("\r\u001b[2K");
            await _error.FlushAsync();
            _drawn = false;
        }
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            var elapsed = _clock.Elapsed;
            if (_terminal)
            {
                if (elapsed >= TerminalAfter)
                {
                    await _error.WriteAsync("\r" + Prefix + ProgressLine.Format(_snapshot(), _total, elapsed) + "\u001b[K");
                    await _error.FlushAsync();
                    _drawn = true;
                }

                continue;
            }

            var snapshot = _snapshot();
            var step = ProgressLine.Percent(snapshot.Characters, _total) / PlainStepPercent;
            if (elapsed >= PlainAfter && (step > _lastStep || elapsed - _lastLine >= PlainEvery))
            {
                await _error.WriteLineAsync(Prefix + ProgressLine.Format(snapshot, _total, elapsed));
                await _error.FlushAsync();
                _lastStep = step;
                _lastLine = elapsed;
            }
        }
    }
}
