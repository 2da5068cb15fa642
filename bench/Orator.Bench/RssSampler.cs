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

    /// <summary>
    /// Sum of proportional set size (Pss from smaps_rollup) in MB: shared pages (the runtime's files mapped by
    /// the server and every worker) are divided among the processes that map them, so the sum counts them once.
    /// </summary>
    public static double TotalPssMb(IEnumerable<int> processIds) => processIds.Sum(id => ReadKb($"/proc/{id}/smaps_rollup", "Pss:")) / 1024.0;

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

    private static long ReadRssKb(int processId) => ReadKb($"/proc/{processId}/status", "VmRSS:");

    private static long ReadKb(string file, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var field = line[key.Length..].Trim();
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
