using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Cli;

/// <summary>
/// <c>orator say</c> as a real process rendering in process: files and standard output, where the
/// text comes from, errors and exit codes, Ctrl+C, and that it runs no server (no socket, no database).
/// </summary>
public sealed class SayCommandTests : IDisposable
{
    private const string Sentence = "Hello from the command line, rendered in process.";

    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("hello.wav", "pcm_s16le", "wav")]
    [InlineData("hello.mp3", "mp3", "mp3")]
    [InlineData("hello.opus", "opus", "ogg")]
    public async Task Say_writes_the_format_the_output_extension_names(string file, string codec, string container)
    {
        var run = await _cli.RunAsync(["say", Sentence, "-o", file]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches($@"^Wrote {file.Replace(".", @"\.", StringComparison.Ordinal)} \(\d+ bytes, \d+\.\d\d s of audio\)\n$", run.OutputText.ReplaceLineEndings("\n"));
        var audio = await AudioProbe.ProbeAsync(await File.ReadAllBytesAsync(_cli.PathOf(file)));
        Assert.Equal((codec, container, 1), (audio.Codec, audio.Container, audio.Channels));
        // A finished WAV file has a plain PCM header, whose mono layout ffmpeg notes that it guessed.
        Assert.DoesNotContain(audio.DecoderErrors.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => !line.Contains("Guessed Channel Layout for Input Stream #0.0 : mono", StringComparison.Ordinal));
        Assert.InRange(audio.DecodedSeconds, 1.5, 6);
        Assert.True(audio.Rms > 0.01);
        Assert.Equal([file], _cli.WorkingFiles);
        Assert.Empty(_cli.DataHomeEntries);
    }

    [Fact]
    public async Task A_wav_file_carries_its_real_sizes_in_the_header()
    {
        var run = await _cli.RunAsync(["say", Sentence, "-o", "sized.wav"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var bytes = await File.ReadAllBytesAsync(_cli.PathOf("sized.wav"));
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal((uint)(bytes.Length - 44), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));
    }

    [Theory]
    [InlineData(new string[0], "pcm_s16le")]
    [InlineData(new[] { "-f", "mp3" }, "mp3")]
    public async Task Dash_output_puts_only_the_audio_on_standard_output(string[] format, string codec)
    {
        var run = await _cli.RunAsync(["say", Sentence, "-o", "-", .. format]);

        Assert.True(run.ExitCode == 0, run.Error);
        var audio = await AudioProbe.ProbeAsync(run.Output);
        Assert.Equal(codec, audio.Codec);
        Assert.Equal("", audio.DecoderErrors);
        Assert.InRange(audio.DecodedSeconds, 1.5, 6);
        Assert.Matches(@"Wrote standard output \(\d+\.\d\d s of audio\)", run.Error);
        Assert.Empty(_cli.WorkingFiles);
        Assert.Empty(_cli.DataHomeEntries);
    }

    [Fact]
    public async Task Text_from_a_file_or_standard_input_speaks_like_the_argument()
    {
        // verse (Flite's kal16 diphone voice) renders identically every time, so the bytes must match.
        const string text = "Grüße from a file: naïve café, 3 items.";
        await File.WriteAllTextAsync(_cli.PathOf("text.txt"), text, new UTF8Encoding(false));

        var argument = await _cli.RunAsync(["say", text, "-v", "verse", "-o", "argument.wav"]);
        var file = await _cli.RunAsync(["say", "--file", "text.txt", "-v", "verse", "-o", "file.wav"]);
        var dash = await _cli.RunAsync(["say", "-", "-v", "verse", "-o", "dash.wav"], standardInput: text);
        var piped = await _cli.RunAsync(["say", "-v", "verse", "-o", "piped.wav"], standardInput: text);

        Assert.All([argument, file, dash, piped], r => Assert.True(r.ExitCode == 0, r.Error));
        var expected = await File.ReadAllBytesAsync(_cli.PathOf("argument.wav"));
        Assert.Equal(expected, await File.ReadAllBytesAsync(_cli.PathOf("file.wav")));
        Assert.Equal(expected, await File.ReadAllBytesAsync(_cli.PathOf("dash.wav")));
        Assert.Equal(expected, await File.ReadAllBytesAsync(_cli.PathOf("piped.wav")));
    }

    [Fact]
    public async Task Text_longer_than_the_api_limit_renders_with_no_listening_socket_and_no_database()
    {
        var text = LongText(5000);
        await File.WriteAllTextAsync(_cli.PathOf("long.txt"), text);
        using (var control = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            // The probe sees a listening socket where there is one (this test process's own).
            control.Start();
            Assert.Equal(1, ListeningSockets.Count(Environment.ProcessId));
        }

        var samples = 0;
        var listening = 0;
        var run = await _cli.RunAsync(["say", "--file", "long.txt", "-o", "long.wav"], whileRunning: async process =>
        {
            while (!process.HasExited)
            {
                var count = ListeningSockets.Count(process.Id);
                if (!process.HasExited)
                {
                    listening = Math.Max(listening, count);
                    samples++;
                }

                await Task.Delay(20);
            }
        });

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(text.Length > 4096);
        Assert.True(samples >= 10, $"only {samples} samples while it ran");
        Assert.Equal(0, listening);
        Assert.Empty(_cli.DataHomeEntries);
        Assert.Equal(["long.txt", "long.wav"], _cli.WorkingFiles);
        var audio = await AudioProbe.ProbeAsync(await File.ReadAllBytesAsync(_cli.PathOf("long.wav")));
        Assert.InRange(audio.DecodedSeconds, 200, 500); // ~5,000 characters of prose at ~15 characters a second
    }

    [Fact]
    public async Task An_unknown_voice_exits_2_with_the_reason_and_leaves_no_file()
    {
        var run = await _cli.RunAsync(["say", Sentence, "-v", "nobody", "-o", "never.mp3"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("orator say: The voice 'nobody' is not available for model 'tts-1'.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Empty(_cli.WorkingFiles);
    }

    [Theory]
    [InlineData(new[] { "-f", "ogg" }, "unknown --format 'ogg'")]
    [InlineData(new[] { "--speed", "9" }, "--speed must be between 0.25 and 4.")]
    [InlineData(new[] { "-m", "tts-9" }, "The model 'tts-9' does not exist")]
    public async Task A_bad_option_exits_2_with_the_reason(string[] options, string reason)
    {
        var run = await _cli.RunAsync(["say", Sentence, "-o", "never.wav", .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("orator say: " + reason, run.Error, StringComparison.Ordinal);
        Assert.Empty(_cli.WorkingFiles);
    }

    [Fact]
    public async Task Empty_text_on_standard_input_exits_2()
    {
        var run = await _cli.RunAsync(["say", "-o", "never.wav"], standardInput: " \n\t\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("orator say: the text is empty.\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(_cli.WorkingFiles);
    }

    [Fact]
    public async Task Ctrl_c_stops_the_render_exits_130_and_removes_the_partial_file()
    {
        await File.WriteAllTextAsync(_cli.PathOf("long.txt"), LongText(20_000));
        var partial = _cli.PathOf("cut.wav");
        var sawAudio = false;

        var run = await _cli.RunAsync(["say", "--file", "long.txt", "-o", "cut.wav"], whileRunning: async process =>
        {
            var deadline = Stopwatch.StartNew();
            while (!(File.Exists(partial) && new FileInfo(partial).Length > 100_000) && !process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            sawAudio = !process.HasExited;
            using var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await interrupt.WaitForExitAsync();
        });

        Assert.True(sawAudio, "the render ended before it could be interrupted: " + run.Error);
        Assert.Equal(130, run.ExitCode);
        Assert.Contains("orator say: cancelled.", run.Error, StringComparison.Ordinal);
        Assert.Equal(["long.txt"], _cli.WorkingFiles);
    }

    private static string LongText(int characters)
    {
        string[] sentences =
        [
            "The harbour was quiet in the early morning, and the fishing boats rocked gently against the pier.",
            "A young engineer walked along the sea wall, thinking about the machine she had promised to finish by spring.",
            "Every part of it had been drawn by hand, measured twice, and cut from plates of bright steel.",
        ];
        var text = new StringBuilder();
        for (var i = 0; text.Length < characters; i++)
        {
            text.Append(sentences[i % sentences.Length]).Append(' ');
        }

        return text.ToString().TrimEnd();
    }
}
