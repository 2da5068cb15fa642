using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Speech;

[Collection(OpenServerCollection.Name)]
public sealed class InstructionsTests(OpenServerFixture server)
{
    private const string Text = "Instructions change how this sentence is delivered to the listener.";

    private async Task<(ProbedAudio Audio, string? Header)> SpeakAsync(string? instructions, string voice = "alloy")
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "gpt-4o-mini-tts", input = Text, voice, instructions, response_format = "wav" });
        response.EnsureSuccessStatusCode();
        var header = response.Headers.TryGetValues("x-orator-instructions", out var values) ? values.Single() : null;
        return (await AudioProbe.ProbeAsync(await response.Content.ReadAsByteArrayAsync()), header);
    }

    [Fact]
    public async Task Slowly_and_quickly_change_the_duration()
    {
        var plain = await SpeakAsync(null);
        var slow = await SpeakAsync("Speak slowly.");
        var fast = await SpeakAsync("Say it very quickly!");

        var plainSeconds = Signal.SpokenSeconds(plain.Audio.Samples, 24000);
        Assert.InRange(Signal.SpokenSeconds(slow.Audio.Samples, 24000) / plainSeconds, 1.15, 1.4);
        Assert.InRange(Signal.SpokenSeconds(fast.Audio.Samples, 24000) / plainSeconds, 0.55, 0.8);
        Assert.Equal("applied=slower", slow.Header);
        Assert.Equal("applied=faster", fast.Header);
    }

    [Fact]
    public async Task Higher_and_deeper_change_the_measured_pitch()
    {
        var plain = Signal.MedianPitch((await SpeakAsync(null, "echo")).Audio.Samples, 24000);
        var higher = Signal.MedianPitch((await SpeakAsync("Use a higher pitch.", "echo")).Audio.Samples, 24000);
        var deeper = Signal.MedianPitch((await SpeakAsync("A deeper voice, please.", "echo")).Audio.Samples, 24000);

        Assert.True(higher > plain * 1.07, $"higher {higher:F0} Hz vs {plain:F0} Hz");
        Assert.True(deeper < plain * 0.94, $"deeper {deeper:F0} Hz vs {plain:F0} Hz");
    }

    [Fact]
    public async Task Whisper_and_louder_change_the_level()
    {
        var plain = (await SpeakAsync(null)).Audio.Rms;
        var whisper = await SpeakAsync("whisper");
        var loud = (await SpeakAsync("louder")).Audio.Rms;

        Assert.True(whisper.Audio.Rms < plain * 0.6, $"whisper rms {whisper.Audio.Rms:F4} vs {plain:F4}");
        Assert.True(loud > plain * 1.2, $"louder rms {loud:F4} vs {plain:F4}");
        Assert.StartsWith("applied=whisper", whisper.Header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_instructions_are_reported_as_ignored_not_rejected()
    {
        var result = await SpeakAsync("Talk like a pirate; be calm");

        Assert.Equal("applied=calm; ignored=\"Talk like a pirate\"", result.Header);
        Assert.True(result.Audio.DecodedSeconds > 1);
    }
}
