using System.Collections.Concurrent;

namespace Orator.Audio.Tests.Metering;

/// <summary>
/// Streams made by Orator's own encoders from a known number of 24 kHz samples: a harmonic voice
/// with a little noise. Each (format, length) is encoded once per test run; every caller gets its own copy.
/// </summary>
internal static class MeteredStreams
{
    /// <summary>The lengths the tests measure: a short reply and a longer one, neither a whole number of any codec's frames.</summary>
    public static readonly double[] Lengths = [1.5, 7.3];

    private static readonly ConcurrentDictionary<(AudioFormat, int), byte[]> s_streams = new();

    /// <summary>Samples in a stream of <paramref name="seconds"/>.</summary>
    public static int SamplesIn(double seconds) => (int)Math.Round(seconds * Signals.Rate);

    /// <summary>A copy of the encoded stream of <paramref name="seconds"/> of audio, the caller's to change.</summary>
    public static byte[] Encoded(AudioFormat format, double seconds) =>
        (byte[])s_streams.GetOrAdd((format, SamplesIn(seconds)), key => EncoderHarness.EncodeStream(key.Item1, Signals.Rate, Signals.HarmonicVoice(Signals.Rate, seconds))).Clone();

    /// <summary>Every (length, feeding) pair, for theories.</summary>
    public static TheoryData<double, Feeding> LengthsAndFeedings()
    {
        var data = new TheoryData<double, Feeding>();
        foreach (double seconds in Lengths)
        {
            foreach (Feeding feeding in Enum.GetValues<Feeding>())
            {
                data.Add(seconds, feeding);
            }
        }

        return data;
    }
}
