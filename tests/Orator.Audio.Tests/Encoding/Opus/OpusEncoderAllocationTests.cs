using Orator.Audio.Encoding.Opus;

namespace Orator.Audio.Tests.Encoding.Opus;

public sealed class OpusEncoderAllocationTests
{
    [CodecFact(AudioFormat.Opus)]
    public void Encoding_at_24kHz_allocates_nothing_after_warm_up() => AssertEncodeAllocatesNothing(new OpusEncoder(24000), 24000);

    [CodecFact(AudioFormat.Opus)]
    public void Encoding_through_the_48kHz_resampler_allocates_nothing_after_warm_up()
        => AssertEncodeAllocatesNothing(new OpusEncoder(24000, OpusEncoderSettings.Default with { ResampleTo48kHz = true }), 24000);

    [CodecFact(AudioFormat.Opus)]
    public void Encoding_22050Hz_input_allocates_nothing_after_warm_up() => AssertEncodeAllocatesNothing(new OpusEncoder(22050), 22050);

    private static void AssertEncodeAllocatesNothing(OpusEncoder encoder, int sampleRate)
    {
        using (encoder)
        {
            short[] source = Signals.HarmonicVoice(sampleRate, 12.0);
            var output = new FixedBufferWriter(1 << 20);
            encoder.WriteHeader(output);
            int position = 0;
            foreach (int size in EncoderHarness.Chunks(source.Length / 2))
            {
                encoder.Encode(source.AsSpan(position, size), output);
                position += size;
            }

            output.Reset();
            int[] sizes = [.. EncoderHarness.VaryingChunks.Take(4)];
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                int size = sizes[i % sizes.Length];
                encoder.Encode(source.AsSpan(position, size), output);
                position += size;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(output.WrittenCount > 0);
            Assert.Equal(0, allocated);
        }
    }
}
