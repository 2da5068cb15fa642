using System.Globalization;

namespace Orator.Bench;

/// <summary>
/// Samples the resident set (VmRSS) of the bench process, which hosts the server, plus every
/// engine worker process every ~50 ms, and keeps the peak of their sum.
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly Func<IEnumerable<int>> _processIds;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RssSampler(Func<IEnumerable<int>> processIds)
    {
        _processIds = processIds;
        PeakMb = TotalMb(processIds());
        _loop = Task.Run(LoopAsync);
    }

    public double PeakMb { get; private set; }

    /// <summary>Sum of VmRSS in MB over the given processes; a process that has gone counts 0.</summary>
    public static double TotalMb(IEnumerable<int> processIds) => processIds.Sum(ReadRssKb) / 1024.0;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // stopping is the normal end of sampling
        }

        PeakMb = Math.Max(PeakMb, TotalMb(_processIds()));
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            PeakMb = Math.Max(PeakMb, TotalMb(_processIds()));
        }
    }

    private static long ReadRssKb(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var field = line["VmRSS:".Length..].Trim();
                    return long.Parse(field[..field.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // the process exited between listing and reading
        }

        return 0;
    }
}
