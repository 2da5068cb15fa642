using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Orator.Functional.Tests.Captions;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Cli;

/// <summary>
/// <c>orator say ... --captions FILE</c> on the real process: a captions file in the format its
/// extension names, beside the audio, with the words and cues a server gives for the same text.
/// (Refusals that start no engine are tested in process: Orator.Cli.Tests, Say/SayCaptionsOptionTests.)
/// </summary>
[Collection(OpenServerCollection.Name)]
public sealed partial class SayCaptionsTests(OpenServerFixture server) : IDisposable
{
    private const string Text = "Captions from the command line, one file beside the audio. It costs $3.50, and then it ends.";

    // The written words of Text: the "Wrote" line counts these.
    private static readonly int TextWords = Text.Split(' ').Length;

    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("talk.srt")]
    [InlineData("talk.vtt")]
    [InlineData("talk.json")]
    public async Task Say_writes_the_captions_file_the_extension_names_beside_the_audio(string captions)
    {
        var run = await _cli.RunAsync(["say", Text, "-m", "tts-1", "-v", "alloy", "-o", "talk.mp3", "--captions", captions]);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.OutputText.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Wrote {captions} ({TextWords} timed words)", lines[0]);
        Assert.Matches(WroteAudio(), lines[1]);
        Assert.Equal(2, lines.Length);
        Assert.Equal(new[] { "talk.mp3", captions }.Order(StringComparer.Ordinal), _cli.WorkingFiles);
        var audio = await AudioProbe.ProbeAsync(await File.ReadAllBytesAsync(_cli.PathOf("talk.mp3")));
        Assert.Equal("mp3", audio.Codec);

        var text = await File.ReadAllTextAsync(_cli.PathOf(captions));
        var cues = Path.GetExtension(captions) switch
        {
            ".srt" => CaptionFile.ParseSrt(text),
            ".vtt" => CaptionFile.ParseVtt(text),
            _ => CaptionFile.ParseJson(text).Cues,
        };
        CueRules.AssertFollowed(Text, [], cues);
        Assert.Equal(["Captions from the command line, one file beside the audio.", "It costs $3.50, and then it ends."], cues.Select(c => string.Join(' ', c.Lines)));
        // On the mp3's timeline: after its 46 ms priming, within the audio.
        Assert.True(cues[0].Start >= 1105 / 24000.0 - 0.001, $"the first cue starts at {cues[0].Start} s");
        Assert.InRange(cues[^1].End, audio.DecodedSeconds - 1.5, audio.DecodedSeconds + 0.001);
    }

    [Fact]
    public async Task The_json_captions_are_the_servers_for_the_same_text_voice_and_format()
    {
        var run = await _cli.RunAsync(["say", Text, "-m", "tts-1", "-v", "alloy", "-o", "talk.mp3", "--captions", "talk.json"]);
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("v1/audio/captions", new { model = "tts-1", input = Text, voice = "alloy", response_format = "json", audio_format = "mp3" });

        Assert.True(run.ExitCode == 0, run.Error);
        var served = await response.Content.ReadAsStringAsync();
        var written = await File.ReadAllTextAsync(_cli.PathOf("talk.json"));
        Assert.Equal(served, written);
        var (words, cues) = CaptionFile.ParseJson(written);
        Assert.Equal(TextWords, words.Count);
        Assert.Contains(words, w => w.Word == "$3.50" && Text.Substring(w.Offset, w.Length) == "$3.50");
        CueRules.AssertFollowed(Text, words, cues);
    }

    [Fact]
    public async Task With_the_audio_on_standard_output_only_the_audio_is_there_and_the_captions_line_goes_to_standard_error()
    {
        var run = await _cli.RunAsync(["say", Text, "-o", "-", "-f", "mp3", "--captions", "talk.vtt"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var audio = await AudioProbe.ProbeAsync(run.Output);
        Assert.Equal("mp3", audio.Codec);
        Assert.Equal("", audio.DecoderErrors);
        Assert.True(run.Output.AsSpan().IndexOf("Wrote"u8) < 0, "a Wrote line is in the audio on standard output");
        Assert.Contains($"Wrote talk.vtt ({TextWords} timed words)", run.Error, StringComparison.Ordinal);
        Assert.Equal(["talk.vtt"], _cli.WorkingFiles);
        Assert.Equal(2, CaptionFile.ParseVtt(await File.ReadAllTextAsync(_cli.PathOf("talk.vtt"))).Count);
    }

    [Fact]
    public async Task A_captions_file_that_cannot_be_written_fails_and_leaves_no_audio_behind()
    {
        var run = await _cli.RunAsync(["say", Text, "-o", "talk.wav", "--captions", "missing/talk.srt"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("talk.srt", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Empty(_cli.WorkingFiles);
    }

    [GeneratedRegex(@"^Wrote talk\.mp3 \(\d+ bytes, \d+\.\d\d s of audio\)$")]
    private static partial Regex WroteAudio();
}
