using System.Buffers;
using Orator.Audio.Encoding.Aac;

namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>Native resources and managed allocations; run alone so process-wide measurements are not disturbed.</summary>
[Collection(EncoderMeasurementCollection.Name)]
public sealed class AacEncoderLifetimeTests(ITestOutputHelper log)
{
    [CodecFact(AudioFormat.Aac)]
    public void Dispose_without_finish_and_a_second_dispose_are_safe_and_later_use_is_refused()
    {
        var encoder = new AacEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();
        encoder.Encode(Signals.HarmonicVoice(Signals.Rate, 0.3), output);

        encoder.Dispose();
        encoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Encode([1], output));
        Assert.Throws<ObjectDisposedException>(() => encoder.Finish(output));
    }

    [CodecFact(AudioFormat.Aac)]
    public void Two_thousand_encoders_created_and_disposed_do_not_leak_native_memory()
    {
        short[] samples = Signals.HarmonicVoice(Signals.Rate, 0.25);
        var output = new FixedBufferWriter(1 << 16);
        RunCycles(100, samples, output);
        long before = EncoderHarness.SettledWorkingSet();

        RunCycles(2000, samples, output);

        long growth = EncoderHarness.SettledWorkingSet() - before;
        log.WriteLine($"Resident set growth over 2,000 encoders: {growth / 1024.0 / 1024:F1} MB.");
        Assert.True(growth < 50L * 1024 * 1024, $"Resident set grew by {growth / 1024 / 1024} MB.");
    }

    [CodecFact(AudioFormat.Aac)]
    public void Encode_allocates_no_managed_memory_after_warm_up()
    {
        short[] samples = Signals.HarmonicVoice(Signals.Rate, 3);
        var output = new FixedBufferWriter(1 << 20);
        using var encoder = new AacEncoder(Signals.Rate);
        for (int i = 0; i < 200; i++)
        {
            encoder.Encode(samples.AsSpan(i * 37 % 20000, 300), output);
        }

        output.Reset();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            encoder.Encode(samples.AsSpan(i * 480, 480 + (i % 7)), output);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(output.WrittenCount > 0);
        Assert.Equal(0, allocated);
    }

    private static void RunCycles(int count, short[] samples, FixedBufferWriter output)
    {
        for (int i = 0; i < count; i++)
        {
            output.Reset();
            using var encoder = new AacEncoder(Signals.Rate);
            encoder.Encode(samples, output);
            if (i % 2 == 0)
            {
                encoder.Finish(output);
            }
        }
    }
}
