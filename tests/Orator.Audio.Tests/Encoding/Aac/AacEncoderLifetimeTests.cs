using System.Buffers;
using System.Diagnostics;
using Orator.Audio.Encoding.Aac;
using Xunit.Abstractions;

namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>Native resources and managed allocations; run alone so process-wide measurements are not disturbed.</summary>
[Collection(AacIsolatedCollection.Name)]
public sealed class AacEncoderLifetimeTests(ITestOutputHelper log)
{
    [AacFact]
    public void Dispose_without_finish_and_a_second_dispose_are_safe_and_later_use_is_refused()
    {
        var encoder = new AacEncoder(AacTestAudio.SampleRate);
        var output = new ArrayBufferWriter<byte>();
        encoder.Encode(AacTestAudio.SpeechLike(0.3), output);

        encoder.Dispose();
        encoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Encode([1], output));
        Assert.Throws<ObjectDisposedException>(() => encoder.Finish(output));
    }

    [AacFact]
    public void Two_thousand_encoders_created_and_disposed_do_not_leak_native_memory()
    {
        short[] samples = AacTestAudio.SpeechLike(0.25);
        var output = new FixedBufferWriter(1 << 16);
        RunCycles(100, samples, output);
        long before = ResidentBytes();

        RunCycles(2000, samples, output);

        long growth = ResidentBytes() - before;
        log.WriteLine($"Resident set growth over 2,000 encoders: {growth / 1024.0 / 1024:F1} MB.");
        Assert.True(growth < 50L * 1024 * 1024, $"Resident set grew by {growth / 1024 / 1024} MB.");
    }

    [AacFact]
    public void Encode_allocates_no_managed_memory_after_warm_up()
    {
        short[] samples = AacTestAudio.SpeechLike(3);
        var output = new FixedBufferWriter(1 << 20);
        using var encoder = new AacEncoder(AacTestAudio.SampleRate);
        for (int i = 0; i < 200; i++)
        {
            encoder.Encode(samples.AsSpan(i * 37 % 20000, 300), output);
        }

        output.Clear();
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
            output.Clear();
            using var encoder = new AacEncoder(AacTestAudio.SampleRate);
            encoder.Encode(samples, output);
            if (i % 2 == 0)
            {
                encoder.Finish(output);
            }
        }
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
