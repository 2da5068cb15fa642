using System.Buffers;
using Orator.Audio.Encoding.Opus;

namespace Orator.Audio.Tests.Encoding.Opus;

/// <summary>Watches the process's memory, so it runs alone: parallel tests would move the numbers.</summary>
[Collection(EncoderMeasurementCollection.Name)]
public sealed class OpusEncoderNativeMemoryTests(ITestOutputHelper log)
{
    [CodecFact(AudioFormat.Opus)]
    public void Two_thousand_encoders_half_never_finished_do_not_leak_native_memory()
    {
        short[] chunk = Signals.HarmonicVoice(Signals.Rate, 0.05);
        var output = new ArrayBufferWriter<byte>();
        RunEncoders(200, chunk, output); // warm up the allocator, the pools and the JIT
        long before = EncoderHarness.SettledWorkingSet();

        RunEncoders(2000, chunk, output);

        long growth = EncoderHarness.SettledWorkingSet() - before;
        log.WriteLine($"working set growth after 2,000 encoders: {growth / 1024.0 / 1024.0:F1} MiB");

        // A leaked libopus mono encoder is 43 KB: 2,000 of them would be ~85 MB, 1,000 ~43 MB.
        Assert.True(growth < 20L * 1024 * 1024, $"working set grew by {growth / 1024 / 1024} MiB");
    }

    private static void RunEncoders(int count, short[] chunk, ArrayBufferWriter<byte> output)
    {
        for (int i = 0; i < count; i++)
        {
            output.ResetWrittenCount();
            using var encoder = new OpusEncoder(Signals.Rate);
            encoder.WriteHeader(output);
            encoder.Encode(chunk, output);
            if (i % 2 == 0)
            {
                encoder.Finish(output);
            }
        }
    }
}
