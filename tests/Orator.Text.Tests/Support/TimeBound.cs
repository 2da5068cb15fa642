using System.Diagnostics;

namespace Orator.Text.Tests;

/// <summary>
/// Times one input against a per-input limit, generously: an input over the limit is timed again
/// (up to three times in all) and its fastest run counts. A shared, busy machine can pause any one
/// run; input that is really slow (super-linear work, a loop) is slow every time.
/// </summary>
internal static class TimeBound
{
    public static TimeSpan Fastest(Action run, TimeSpan limit)
    {
        TimeSpan fastest = TimeSpan.MaxValue;
        for (int attempt = 0; attempt < 3 && fastest >= limit; attempt++)
        {
            var clock = Stopwatch.StartNew();
            run();
            clock.Stop();
            fastest = clock.Elapsed < fastest ? clock.Elapsed : fastest;
        }

        return fastest;
    }
}
