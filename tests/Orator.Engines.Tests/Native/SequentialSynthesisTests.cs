using System.Diagnostics;
using Orator.Core.Engines;
using Orator.Engines.Native;
using Orator.Engines.Tests.Support;

namespace Orator.Engines.Tests.Native;

[Collection(NativeEnginesGroup.Name)]
public sealed class SequentialSynthesisTests(NativeEngines engines)
{
    [Fact]
    public void Fifty_mixed_calls_in_a_row_all_produce_audio_without_growing_memory()
    {
        var calls = new (INativeSynthesizer Engine, string Voice)[]
        {
            (engines.Flite, "slt"), (engines.Espeak, "en-gb"), (engines.Flite, "kal"), (engines.Espeak, "de"),
            (engines.Flite, "rms"), (engines.Espeak, "fr-fr"), (engines.Flite, "awb"), (engines.Flite, "kal16"),
            (engines.Espeak, "cmn"), (engines.Espeak, "en-us"),
        };
        RunRound(calls, 0); // warm up: first use of each voice allocates its tables
        var before = WorkingSet();

        for (var i = 0; i < 50; i++)
        {
            RunRound([calls[i % calls.Length]], i);
        }

        var grownMegabytes = (WorkingSet() - before) / (1024.0 * 1024.0);
        Assert.True(grownMegabytes < 64, $"working set grew by {grownMegabytes:F1} MB over 50 calls");
    }

    private static void RunRound((INativeSynthesizer Engine, string Voice)[] calls, int seed)
    {
        foreach (var (engine, voice) in calls)
        {
            var prosody = new Prosody(0.5f + (seed % 4 * 0.5f), 0.8f + (seed % 3 * 0.2f));
            var stopAfter = seed % 5 == 4 ? 2 : 0;
            var recording = PcmRecording.Of(engine, voice, "Call number " + seed + " says a few words.", prosody, stopAfter);
            Assert.True(recording.SampleCount > 0, $"{engine.EngineId}:{voice} produced nothing on call {seed}");
        }
    }

    private static long WorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
