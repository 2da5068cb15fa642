namespace Orator.Audio.Tests.Metering;

public sealed class EncodedDurationMeterGarbageTests
{
    /// <summary>Every format but pcm, which has no structure: any bytes are samples.</summary>
    public static TheoryData<AudioFormat, string, Feeding> FormatsGarbageAndFeedings()
    {
        var data = new TheoryData<AudioFormat, string, Feeding>();
        foreach (AudioFormat format in Enum.GetValues<AudioFormat>().Where(f => f != AudioFormat.Pcm))
        {
            foreach (string garbage in (string[])["random", "zeros", "ones", "text", "sync codes", "tiny"])
            {
                foreach (Feeding feeding in Enum.GetValues<Feeding>())
                {
                    data.Add(format, garbage, feeding);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsGarbageAndFeedings))]
    public void Garbage_reads_as_no_audio_and_never_throws(AudioFormat format, string garbage, Feeding feeding)
    {
        double? measured = MeterRun.Seconds(format, Garbage(garbage), feeding, seed: 2);

        Assert.True(measured is null or 0, $"{garbage} read as {measured} s of {format}");
    }

    [Theory]
    [InlineData(AudioFormat.Mp3)]
    [InlineData(AudioFormat.Aac)]
    [InlineData(AudioFormat.Flac)]
    public void A_huge_id3v2_size_in_front_of_garbage_is_passed_over_without_harm(AudioFormat format)
    {
        byte[] bytes = [.. "ID3"u8, 4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F, .. Garbage("random")];

        Assert.True(MeterRun.Seconds(format, bytes, Feeding.RandomChunks) is null or 0);
    }

    private static byte[] Garbage(string kind)
    {
        var random = new Random(kind.Length);
        byte[] bytes = new byte[kind == "tiny" ? 3 : 200_000];
        switch (kind)
        {
            case "random":
            case "sync codes":
                random.NextBytes(bytes);
                if (kind == "sync codes")
                {
                    // Every third byte starts a sync code of one format or another, the next byte random.
                    for (int i = 0; i + 1 < bytes.Length; i += 3)
                    {
                        bytes[i] = 0xFF;
                    }
                }

                break;
            case "ones":
                bytes.AsSpan().Fill(0xFF);
                break;
            case "text":
                System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("OggS RIFF fLaC ID3 WAVE data fmt  OpusHead ", 5000))).AsSpan(0, bytes.Length).CopyTo(bytes);
                break;
            case "tiny":
                bytes[0] = 0xFF;
                bytes[1] = 0xF1;
                break;
        }

        return bytes;
    }
}
