using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Speech;

[Collection(OpenServerCollection.Name)]
public sealed class SpeedTests(OpenServerFixture server)
{
    private const string Text = "Speech synthesis turns written words into sound. This sentence is long enough to measure its pace with care.";

    [Theory]
    [InlineData("alloy", "tts-1")]
    [InlineData("verse", "tts-1")]
    [InlineData("espeak:en-us", "espeak")]
    public async Task Duration_scales_inversely_with_speed(string voice, string model)
    {
        using var client = server.CreateClient();
        var reference = await SpokenSecondsAsync(client, model, voice, 1.0);

        foreach (var speed in new[] { 0.5, 0.75, 1.5, 2.0 })
        {
            var seconds = await SpokenSecondsAsync(client, model, voice, speed);
            var ratio = seconds / (reference / speed);
            Assert.True(ratio is > 0.9 and < 1.1, $"{voice} at speed {speed}: {seconds:F2}s vs expected {reference / speed:F2}s (ratio {ratio:F3})");
        }

        foreach (var speed in new[] { 0.25, 4.0 })
        {
            var seconds = await SpokenSecondsAsync(client, model, voice, speed);
            var ratio = seconds / (reference / speed);
            Assert.True(ratio is > 0.8 and < 1.2, $"{voice} at extreme speed {speed}: {seconds:F2}s vs expected {reference / speed:F2}s (ratio {ratio:F3})");
        }
    }

    [Theory]
    [InlineData("echo", "tts-1")]
    [InlineData("espeak:en-us", "espeak")]
    public async Task Speed_changes_tempo_but_keeps_the_pitch(string voice, string model)
    {
        using var client = server.CreateClient();
        var reference = await MedianPitchAsync(client, model, voice, 1.0);

        foreach (var speed in new[] { 0.25, 0.5, 2.0, 4.0 })
        {
            var pitch = await MedianPitchAsync(client, model, voice, speed);
            var ratio = pitch / reference;
            Assert.True(ratio is > 0.88 and < 1.12, $"{voice} at speed {speed}: median pitch {pitch:F0} Hz vs {reference:F0} Hz at 1.0");
        }
    }

    private static async Task<double> MedianPitchAsync(HttpClient client, string model, string voice, double speed)
    {
        var wav = await client.SpeakAsync(new { model, input = Text, voice, speed, response_format = "wav" });
        var audio = await AudioProbe.ProbeAsync(wav);
        return Signal.MedianPitch(audio.Samples, audio.SampleRate);
    }

    private static async Task<double> SpokenSecondsAsync(HttpClient client, string model, string voice, double speed)
    {
        var wav = await client.SpeakAsync(new { model, input = Text, voice, speed, response_format = "wav" });
        var audio = await AudioProbe.ProbeAsync(wav);
        return Signal.SpokenSeconds(audio.Samples, audio.SampleRate);
    }
}
