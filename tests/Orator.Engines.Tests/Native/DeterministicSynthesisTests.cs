using System.Security.Cryptography;
using Orator.Core.Engines;
using Orator.Engines.Native;
using Orator.Engines.Tests.Support;

namespace Orator.Engines.Tests.Native;

/// <summary>
/// The same text, voice and prosody give the same samples whatever the process synthesised
/// before: other voices, other engines, other tempos and pitches, calls stopped half way.
/// </summary>
[Collection(NativeEnginesGroup.Name)]
public sealed class DeterministicSynthesisTests(NativeEngines engines)
{
    private const string Probe = "The fee rose to three dollars. Nobody noticed it at first.";

    public static TheoryData<string, string, float, float> Probes() => new()
    {
        { "flite", "slt", 1f, 1f },
        { "flite", "rms", 1.3f, 1f },
        { "flite", "awb", 1f, 1.2f },
        { "flite", "kal16", 0.8f, 1f },
        { "espeak", "en-us", 1f, 1f },
        { "espeak", "de", 1.5f, 0.8f },
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public void A_call_gives_the_same_samples_after_any_history(string engineId, string voice, float rate, float pitch)
    {
        var engine = Engine(engineId);
        var prosody = new Prosody(rate, pitch);
        var first = Hash(PcmRecording.Of(engine, voice, Probe, prosody));

        var random = new Random(engineId.Length * 31 + voice.Length);
        for (var round = 0; round < 3; round++)
        {
            History(random, round);
            var again = Hash(PcmRecording.Of(engine, voice, Probe, prosody));
            Assert.Equal(first, again);
        }
    }

    private void History(Random random, int round)
    {
        var calls = new (INativeSynthesizer Engine, string Voice)[]
        {
            (engines.Flite, "slt"), (engines.Flite, "rms"), (engines.Flite, "awb"), (engines.Flite, "kal"),
            (engines.Espeak, "en-us"), (engines.Espeak, "fr-fr"), (engines.Espeak, "de"),
        };
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var (engine, voice) = calls[random.Next(calls.Length)];
            var prosody = new Prosody(0.5f + random.NextSingle() * 2f, 0.6f + random.NextSingle());
            var stopAfter = random.Next(3) == 0 ? 1 : 0;
            PcmRecording.Of(engine, voice, $"History call {round}.{i}: something else entirely, said {random.Next(1000)} times!", prosody, stopAfter);
        }
    }

    private INativeSynthesizer Engine(string id) => id == "flite" ? engines.Flite : engines.Espeak;

    private static string Hash(PcmRecording recording)
    {
        Assert.True(recording.SampleCount > 0, "the probe produced no audio");
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(recording.Samples.AsSpan());
        return $"{recording.SampleCount}:{Convert.ToHexString(SHA256.HashData(bytes))[..16]}";
    }
}
