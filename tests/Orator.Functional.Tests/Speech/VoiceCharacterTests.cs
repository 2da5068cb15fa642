using Orator.Functional.Tests.Infrastructure;
using Orator.Speech.Catalog;

namespace Orator.Functional.Tests.Speech;

[Collection(OpenServerCollection.Name)]
public sealed class VoiceCharacterTests(OpenServerFixture server)
{
    private const string Text = "A single sentence, spoken by every voice, to compare how each one sounds.";

    [Fact]
    public async Task No_two_openai_voice_names_sound_the_same()
    {
        using var client = server.CreateClient();
        var measured = new Dictionary<string, (string EngineVoice, double Pitch, double Seconds)>();
        foreach (var name in DefaultVoiceMap.OpenAiVoiceNames)
        {
            using var response = await client.PostSpeechAsync(new { model = "tts-1", input = Text, voice = name, response_format = "wav" });
            response.EnsureSuccessStatusCode();
            var audio = await AudioProbe.ProbeAsync(await response.Content.ReadAsByteArrayAsync());
            measured[name] = (
                response.Headers.GetValues("x-orator-voice").Single(),
                Signal.MedianPitch(audio.Samples, audio.SampleRate),
                Signal.SpokenSeconds(audio.Samples, audio.SampleRate));
        }

        var names = measured.Keys.ToList();
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                var a = measured[names[i]];
                var b = measured[names[j]];
                if (a.EngineVoice != b.EngineVoice)
                {
                    continue;
                }

                var pitchDiff = Math.Abs(a.Pitch - b.Pitch) / Math.Min(a.Pitch, b.Pitch);
                var timeDiff = Math.Abs(a.Seconds - b.Seconds) / Math.Min(a.Seconds, b.Seconds);
                Assert.True(
                    pitchDiff > 0.05 || timeDiff > 0.05,
                    $"{names[i]} and {names[j]} both use {a.EngineVoice} and differ by only {pitchDiff:P1} in pitch and {timeDiff:P1} in duration " +
                    $"({a.Pitch:F0} Hz/{a.Seconds:F2} s vs {b.Pitch:F0} Hz/{b.Seconds:F2} s)");
            }
        }
    }
}
