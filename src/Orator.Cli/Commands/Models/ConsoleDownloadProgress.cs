using System.Diagnostics;
using System.Globalization;
using Orator.Models.Download;

namespace Orator.Cli.Commands.Models;

/// <summary>
/// Download progress for people and for logs: on a terminal one line redrawn in place (bar,
/// percentage, size, speed); otherwise plain lines at the start, every 10 % and at the end.
/// </summary>
internal sealed class ConsoleDownloadProgress(TextWriter output, bool interactive) : IProgress<DownloadProgress>
{
    private const int BarWidth = 30;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch _clock = new();
    private string? _file;
    private long _startBytes;
    private TimeSpan _lastDraw;
    private int _lastDecile;
    private int _lastWidth;

    public void Report(DownloadProgress value)
    {
        if (value.FileName != _file)
        {
            _file = value.FileName;
            _startBytes = value.Received;
            _lastDecile = -1;
            _lastWidth = 0;
            _clock.Restart();
            if (!interactive)
            {
                var resumed = value.ResumedFrom > 0 ? $", resuming at {Bytes(value.ResumedFrom)}" : string.Empty;
                output.WriteLine(value.Completed && value.ResumedFrom == value.Received
                    ? $"{value.FileName}: already present ({Bytes(value.Received)})"
                    : $"{value.FileName}: downloading {(value.Total is { } t ? Bytes(t) : "unknown size")}{resumed}");
            }
        }

        if (interactive)
        {
            if (value.Completed || _clock.Elapsed - _lastDraw >= RedrawInterval)
            {
                _lastDraw = _clock.Elapsed;
                var line = Line(value);
                output.Write("\r" + line + new string(' ', Math.Max(0, _lastWidth - line.Length)));
                _lastWidth = line.Length;
                if (value.Completed)
                {
                    output.WriteLine();
                }
            }

            return;
        }

        if (value.Completed)
        {
            output.WriteLine($"{value.FileName}: done, {Bytes(value.Received)} in {_clock.Elapsed.TotalSeconds:0.0} s");
        }
        else if (value.Total is { } total && total > 0)
        {
            var decile = (int)(value.Received * 10 / total);
            if (decile > _lastDecile && decile is > 0 and < 10)
            {
                _lastDecile = decile;
                output.WriteLine($"{value.FileName}: {decile * 10}% ({Bytes(value.Received)} of {Bytes(total)})");
            }
        }
    }

    private string Line(DownloadProgress value)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var speed = $"{Bytes((long)((value.Received - _startBytes) / seconds))}/s";
        if (value.Total is not { } total || total <= 0)
        {
            return $"{value.FileName} {Bytes(value.Received)} {speed}";
        }

        var fraction = Math.Clamp((double)value.Received / total, 0, 1);
        var filled = (int)(fraction * BarWidth);
        return $"{value.FileName} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction * 100,5:0.0}% {Bytes(value.Received)}/{Bytes(total)} {speed}";
    }

    internal static string Bytes(long bytes) => bytes switch
    {
        >= 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 30):0.00} GiB"),
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.0} MiB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
