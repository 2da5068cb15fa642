namespace Orator.Audio.Tests.Metering;

public sealed class DamagedStreamTests
{
    [CodecTheory(AudioFormat.Mp3)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_damaged_mp3_stream_never_throws_and_counts_no_more_than_it_could_hold(int seed) => AssertDamageIsHarmless(AudioFormat.Mp3, seed);

    [CodecTheory(AudioFormat.Aac)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_damaged_aac_stream_never_throws_and_counts_no_more_than_it_could_hold(int seed) => AssertDamageIsHarmless(AudioFormat.Aac, seed);

    [CodecTheory(AudioFormat.Opus)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_damaged_opus_stream_never_throws_and_counts_no_more_than_it_could_hold(int seed) => AssertDamageIsHarmless(AudioFormat.Opus, seed);

    [CodecTheory(AudioFormat.Flac)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_damaged_flac_stream_never_throws_and_counts_no_more_than_it_could_hold(int seed) => AssertDamageIsHarmless(AudioFormat.Flac, seed);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_damaged_wav_stream_never_throws_and_counts_no_more_than_it_could_hold(int seed) => AssertDamageIsHarmless(AudioFormat.Wav, seed);

    /// <summary>
    /// Overwrites 1 byte in 200 of a 7.3 s stream with random values, headers included, and feeds
    /// it in random chunks: any exception fails the test. The count may fall anywhere from nothing
    /// to the whole and a little over: where a format has no checksum on a header, a hit field
    /// can claim up to its own frame's worth of time wrongly (an ADTS frame of 4 blocks instead
    /// of 1 is 128 ms more). Ogg pages (CRC-32) and FLAC headers (CRC-8, numbering) are not believed.
    /// </summary>
    private static void AssertDamageIsHarmless(AudioFormat format, int seed)
    {
        byte[] stream = MeteredStreams.Encoded(format, 7.3);
        double whole = MeterRun.SecondsEveryWay(format, stream);
        var random = new Random(seed);
        for (int hits = stream.Length / 200; hits > 0; hits--)
        {
            stream[random.Next(stream.Length)] = (byte)random.Next(256);
        }

        double? measured = MeterRun.Seconds(format, stream, Feeding.RandomChunks, seed);

        Assert.True(measured is null || (measured >= 0 && measured <= whole + 0.3), $"{format}: {measured} s from a {whole} s stream");
    }
}
