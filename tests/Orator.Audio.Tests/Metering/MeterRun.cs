using Orator.Audio.Metering;

namespace Orator.Audio.Tests.Metering;

/// <summary>Feeds bytes to a new <see cref="EncodedDurationMeter"/> and reads its count.</summary>
internal static class MeterRun
{
    /// <summary>The largest chunk <see cref="Feeding.RandomChunks"/> hands over.</summary>
    public const int MaxRandomChunk = 4096;

    /// <summary>The meter's seconds after <paramref name="bytes"/> were observed as <paramref name="feeding"/> says.</summary>
    public static double? Seconds(AudioFormat format, ReadOnlySpan<byte> bytes, Feeding feeding, int seed = 1)
    {
        EncodedDurationMeter meter = EncodedDurationMeter.For(format);
        switch (feeding)
        {
            case Feeding.Whole:
                meter.Observe(bytes);
                break;
            case Feeding.OneByteAtATime:
                for (int i = 0; i < bytes.Length; i++)
                {
                    meter.Observe(bytes.Slice(i, 1));
                }

                break;
            default:
                int position = 0;
                foreach (int size in Signals.RandomChunks(bytes.Length, MaxRandomChunk, seed))
                {
                    meter.Observe(bytes.Slice(position, size));
                    position += size;
                }

                break;
        }

        return meter.Seconds;
    }

    /// <summary>The same count whichever way the bytes come: the three feedings must agree exactly.</summary>
    public static double SecondsEveryWay(AudioFormat format, byte[] bytes, int seed = 1)
    {
        double? whole = Seconds(format, bytes, Feeding.Whole);
        Assert.NotNull(whole);
        Assert.Equal(whole, Seconds(format, bytes, Feeding.RandomChunks, seed));
        Assert.Equal(whole, Seconds(format, bytes, Feeding.OneByteAtATime));
        return whole.Value;
    }
}
