using System.Text.RegularExpressions;

namespace Orator.Functional.Tests.Cli;

/// <summary>
/// <c>orator say</c> and <c>orator voices</c> read settings like <c>orator serve</c>: extra
/// <c>--Orator:Key=value</c> tokens and an <c>orator.json</c> in the working directory.
/// </summary>
public sealed class CliConfigurationTests : IDisposable
{
    private const string Sentence = "Configured voices speak differently.";
    private const string AlloyIsKal16 = "--Orator:Voices:alloy:Voice=flite:kal16";

    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_configuration_token_remaps_a_voice_for_voices_and_say()
    {
        var voices = await _cli.RunAsync(["voices", "--Orator:Voices:alloy:Voice=flite:rms"]);
        // kal16 (verse) renders identically every time: alloy mapped to it must give verse's very bytes.
        var mapped = await _cli.RunAsync(["say", Sentence, "-o", "mapped.wav", AlloyIsKal16]);
        var tokenFirst = await _cli.RunAsync(["say", AlloyIsKal16, Sentence, "-o", "first.wav"]);
        var verse = await _cli.RunAsync(["say", Sentence, "-v", "verse", "-o", "verse.wav"]);
        var alloy = await _cli.RunAsync(["say", Sentence, "-o", "alloy.wav"]);

        Assert.All([voices, mapped, tokenFirst, verse, alloy], r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.Matches(new Regex(@"^alloy\s+flite\s+rms\s", RegexOptions.Multiline), voices.OutputText);
        var expected = await File.ReadAllBytesAsync(_cli.PathOf("verse.wav"));
        Assert.Equal(expected, await File.ReadAllBytesAsync(_cli.PathOf("mapped.wav")));
        Assert.Equal(expected, await File.ReadAllBytesAsync(_cli.PathOf("first.wav")));
        Assert.NotEqual(expected, await File.ReadAllBytesAsync(_cli.PathOf("alloy.wav")));
    }

    [Fact]
    public async Task An_orator_json_in_the_working_directory_is_honoured_like_by_serve()
    {
        await File.WriteAllTextAsync(_cli.PathOf("orator.json"), """{ "Orator": { "Voices": { "alloy": { "Voice": "flite:kal16", "Gender": "female" } } } }""");

        var voices = await _cli.RunAsync(["voices"]);
        var say = await _cli.RunAsync(["say", Sentence, "-o", "alloy.wav"]);
        var verse = await _cli.RunAsync(["say", Sentence, "-v", "verse", "-o", "verse.wav"]);

        Assert.All([voices, say, verse], r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.Matches(new Regex(@"^alloy\s+flite\s+kal16\s+en-US\s+female\s", RegexOptions.Multiline), voices.OutputText);
        Assert.Equal(await File.ReadAllBytesAsync(_cli.PathOf("verse.wav")), await File.ReadAllBytesAsync(_cli.PathOf("alloy.wav")));
    }

    [Fact]
    public async Task A_bad_configuration_value_exits_2_with_the_reason()
    {
        var say = await _cli.RunAsync(["say", Sentence, "-o", "never.wav", "--Orator:Workers=many"]);
        var voices = await _cli.RunAsync(["voices", "--Orator:QueueTimeoutSeconds=soon"]);

        Assert.Equal(2, say.ExitCode);
        Assert.Contains("orator say: ", say.Error, StringComparison.Ordinal);
        Assert.Contains("Orator:Workers", say.Error, StringComparison.Ordinal);
        Assert.Equal(2, voices.ExitCode);
        Assert.Contains("orator voices: ", voices.Error, StringComparison.Ordinal);
        Assert.Contains("Orator:QueueTimeoutSeconds", voices.Error, StringComparison.Ordinal);
        Assert.Empty(_cli.WorkingFiles);
    }
}
