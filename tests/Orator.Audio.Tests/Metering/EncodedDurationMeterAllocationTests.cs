using Orator.Audio.Metering;

namespace Orator.Audio.Tests.Metering;

public sealed class EncodedDurationMeterAllocationTests
{
    private const int StreamBytes = 4 << 20;

    [Fact]
    public void Observing_pcm_allocates_nothing() => AssertObservingAllocatesNothing(AudioFormat.Pcm);

    [Fact]
    public void Observing_wav_allocates_nothing() => AssertObservingAllocatesNothing(AudioFormat.Wav);

    [CodecFact(AudioFormat.Mp3)]
    public void Observing_mp3_allocates_nothing() => AssertObservingAllocatesNothing(AudioFormat.Mp3);

    [CodecFact(AudioFormat.Aac)]
    public void Observing_aac_allocates_nothing() => AssertObservingAllocatesNothing(AudioFormat.Aac);

    [CodecFact(AudioFormat.Opus)]
    public void Observing_opus_allocates_nothing() => AssertObservingAllocatesNothing(AudioFormat.Opus);

    [CodecFact(AudioFormat.Flac)]
    public void Observing_flac_allocates_nothing() => AssertObservingAllocatesNothing(AudioFormat.Flac);

    /// <summary>
    /// Observes a 4 MiB stream (one 7.3 s stream again and again: back-to-back MP3 or ADTS frames,
    /// chained Ogg streams, WAV and FLAC read on as data and frame candidates) in chunks of 1 byte
    /// to 4 KiB, on new meters after a first has warmed up the code, and reads the count.
    /// </summary>
    private static void AssertObservingAllocatesNothing(AudioFormat format)
    {
        byte[] one = MeteredStreams.Encoded(format, 7.3);
        byte[] stream = new byte[StreamBytes];
        for (int at = 0; at < stream.Length; at += one.Length)
        {
            one.AsSpan(0, Math.Min(one.Length, stream.Length - at)).CopyTo(stream.AsSpan(at));
        }

        int[] chunks = [.. Signals.RandomChunks(stream.Length, MeterRun.MaxRandomChunk, seed: 4)];
        Observe(EncodedDurationMeter.For(format), stream, chunks);

        // The least of three runs: the runtime itself allocated a few KB on the test's thread once
        // in a while in a full parallel run (as methods moved up a JIT tier). An allocation in
        // Observe shows in every run, at thousands of chunks a run.
        long least = long.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            EncodedDurationMeter meter = EncodedDurationMeter.For(format);
            long before = GC.GetAllocatedBytesForCurrentThread();
            double? seconds = Observe(meter, stream, chunks);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(seconds > 7.3, $"{format}: {seconds} s");
        }

        Assert.Equal(0, least);
    }

    private static double? Observe(EncodedDurationMeter meter, byte[] stream, int[] chunks)
    {
        int position = 0;
        for (int i = 0; i < chunks.Length; i++)
        {
            meter.Observe(stream.AsSpan(position, chunks[i]));
            position += chunks[i];
        }

        return meter.Seconds;
    }
}
