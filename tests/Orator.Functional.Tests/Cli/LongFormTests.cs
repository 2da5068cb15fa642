using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Orator.Functional.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orator.Functional.Tests.Cli;

/// <summary>
/// <c>orator say</c> on texts far beyond the API's 4,096 characters, as a real process on the real
/// engines: a megabyte into one valid file, the progress display, <c>--split chapters</c> with its
/// playlist, and that a cancelled split leaves nothing behind. verse (Flite kal16, the fastest
/// voice) keeps the megabyte within CI time.
/// </summary>
public sealed partial class LongFormTests(ITestOutputHelper log) : IDisposable
{
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_megabyte_of_text_renders_to_one_valid_wav_file()
    {
        // Paragraphs, and in the middle 100,000 characters with no line break (read in fragments, cut at sentences).
        var text = ProseText.Paragraphs(450_000) + "\n\n" + ProseText.OneLine(100_000) + "\n\n" + ProseText.Paragraphs(450_000, seed: 3);
        await File.WriteAllTextAsync(_cli.PathOf("book.txt"), text, new UTF8Encoding(false));

        var clock = Stopwatch.StartNew();
        var run = await _cli.RunAsync(["say", "--file", "book.txt", "-v", "verse", "--speed", "4", "-o", "book.wav"]);
        clock.Stop();

        Assert.True(run.ExitCode == 0, run.Error);
        var wrote = WroteLine().Match(run.OutputText);
        Assert.True(wrote.Success, run.OutputText);
        var seconds = double.Parse(wrote.Groups["seconds"].Value, CultureInfo.InvariantCulture);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{text.Length:N0} characters -> {seconds:F0} s of audio in {clock.Elapsed.TotalSeconds:F1} s (RTF {seconds / clock.Elapsed.TotalSeconds:F0})"));
        Assert.InRange(seconds, text.Length / 100.0, text.Length / 30.0); // ~60 characters a second at speed 4

        // One stream with one header: the real sizes in it, and exactly the samples reported.
        var path = _cli.PathOf("book.wav");
        var length = new FileInfo(path).Length;
        Assert.Equal(long.Parse(wrote.Groups["bytes"].Value, CultureInfo.InvariantCulture), length);
        using (var file = File.OpenRead(path))
        {
            var header = new byte[44];
            file.ReadExactly(header);
            Assert.Equal("RIFF", Encoding.ASCII.GetString(header, 0, 4));
            Assert.Equal((uint)(length - 8), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)));
            Assert.Equal((uint)(length - 44), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(40)));
        }

        Assert.Equal(seconds, (length - 44) / 2 / 24_000.0, 2);
        var (audio, tail) = await AudioProbe.ProbeFileAsync(path, edgeSeconds: 10);
        Assert.Equal(("pcm_s16le", 24_000, 1), (audio.Codec, audio.SampleRate, audio.Channels));
        Assert.Equal(seconds, audio.DurationSeconds, 1);
        Assert.True(Signal.Rms(audio.Samples) > 0.01 && Signal.Rms(tail) > 0.01, "speech at the start and at the end of the book");

        var progress = ProgressLines(run.Error);
        Assert.True(progress.Count >= 5, run.Error);
        Assert.Equal(100, progress[^1]);
        Assert.Equal(["book.txt", "book.wav"], _cli.WorkingFiles);
    }

    [Fact]
    public async Task Progress_goes_to_standard_error_in_plain_lines_and_standard_output_carries_only_the_audio()
    {
        await File.WriteAllTextAsync(_cli.PathOf("long.txt"), ProseText.Paragraphs(40_000));

        var run = await _cli.RunAsync(["say", "--file", "long.txt", "-v", "verse", "--speed", "4", "-f", "mp3", "-o", "-"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var progress = ProgressLines(run.Error);
        Assert.True(progress.Count >= 2, run.Error);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(100, progress[^1]);
        Assert.Equal(lines.Length - 1, progress.Count);
        Assert.Matches(@"^Wrote standard output \(\d+\.\d\d s of audio\)$", lines[^1]);
        Assert.DoesNotContain('\r', run.Error);
        Assert.DoesNotContain("\u001b", run.Error, StringComparison.Ordinal);

        Assert.True(run.Output[0] == 0xFF && (run.Output[1] & 0xE0) == 0xE0, "an MPEG frame first, no text");
        Assert.False(run.Output.AsSpan().IndexOf("orator say"u8) >= 0, "no text on standard output");
        var audio = await AudioProbe.ProbeAsync(run.Output);
        Assert.Equal(("mp3", ""), (audio.Codec, audio.DecoderErrors));
        var seconds = double.Parse(Regex.Match(lines[^1], @"\((?<s>\d+\.\d\d) s").Groups["s"].Value, CultureInfo.InvariantCulture);
        Assert.Equal(seconds, audio.DecodedSeconds, 0.1);
        Assert.Equal(["long.txt"], _cli.WorkingFiles);
    }

    [Fact]
    public async Task Quiet_shows_no_progress()
    {
        await File.WriteAllTextAsync(_cli.PathOf("long.txt"), ProseText.Paragraphs(20_000));

        var run = await _cli.RunAsync(["say", "--file", "long.txt", "-v", "verse", "-q", "-o", "quiet.wav"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Split_chapters_writes_one_file_per_chapter_and_a_playlist_with_their_durations()
    {
        // Three chapter styles; chapters of growing length, so the durations must grow too.
        var text = "Chapter 1: The Harbour\n\n" + ProseText.Paragraphs(600)
            + "\n\n# Chapter Two\n\n" + ProseText.Paragraphs(1_500, seed: 1)
            + "\n\nCHAPTER III\n\n" + ProseText.Paragraphs(2_500, seed: 2) + "\n";
        await File.WriteAllTextAsync(_cli.PathOf("book.txt"), text);

        var run = await _cli.RunAsync(["say", "--file", "book.txt", "-v", "verse", "-o", "book.mp3", "--split", "chapters"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["book-01.mp3", "book-02.mp3", "book-03.mp3", "book.m3u", "book.txt"], _cli.WorkingFiles);
        var playlist = (await File.ReadAllTextAsync(_cli.PathOf("book.m3u"))).Split('\n');
        Assert.Equal("#EXTM3U", playlist[0]);
        Assert.Equal(["book-01.mp3", "book-02.mp3", "book-03.mp3"], [playlist[2], playlist[4], playlist[6]]);
        Assert.Equal("", playlist[7]);
        string[] titles = ["Chapter 1: The Harbour", "Chapter Two", "CHAPTER III"];
        var durations = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var entry = Regex.Match(playlist[1 + (2 * i)], @"^#EXTINF:(?<seconds>\d+),(?<title>.+)$");
            Assert.True(entry.Success, playlist[1 + (2 * i)]);
            Assert.Equal(titles[i], entry.Groups["title"].Value);
            var audio = await AudioProbe.ProbeAsync(await File.ReadAllBytesAsync(_cli.PathOf(playlist[2 + (2 * i)])));
            Assert.Equal("mp3", audio.Codec);
            Assert.Equal("", audio.DecoderErrors);
            Assert.InRange(int.Parse(entry.Groups["seconds"].Value, CultureInfo.InvariantCulture), audio.DecodedSeconds - 1, audio.DecodedSeconds + 1);
            durations.Add(audio.DecodedSeconds);
        }

        Assert.Equal(durations.Order(), durations);
        Assert.Matches(@"^Wrote book-01\.mp3 \(\d+ bytes, \d+\.\d\d s of audio\)\nWrote book-02\.mp3 .*\nWrote book-03\.mp3 .*\nWrote book\.m3u \(3 chapters, \d+\.\d\d s of audio\)\n$", run.OutputText.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Split_chapters_without_chapters_writes_one_file_and_says_so()
    {
        await File.WriteAllTextAsync(_cli.PathOf("plain.txt"), ProseText.Paragraphs(300));

        var run = await _cli.RunAsync(["say", "--file", "plain.txt", "-v", "verse", "-o", "plain.wav", "--split", "chapters"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("orator say: found no chapter headings", run.Error, StringComparison.Ordinal);
        Assert.Equal(["plain.txt", "plain.wav"], _cli.WorkingFiles);
    }

    [Theory]
    [InlineData(new[] { "--split", "pages", "-o", "x.wav" }, "unknown --split 'pages': use --split chapters.")]
    [InlineData(new[] { "--split", "chapters", "-o", "-" }, "--split chapters writes one file per chapter: give -o FILE, not -o -.")]
    [InlineData(new[] { "--split", "chapters", "-o", "x.wav", "--server", "http://127.0.0.1:9" }, "--split chapters renders in this process: leave out --server.")]
    public async Task A_bad_split_exits_2_with_the_reason(string[] options, string reason)
    {
        var run = await _cli.RunAsync(["say", "Hello.", .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("orator say: " + reason + "\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(_cli.WorkingFiles);
    }

    [Fact]
    public async Task Ctrl_c_during_a_split_removes_every_chapter_file_it_wrote()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 6).Select(i => $"Chapter {i}\n\n" + ProseText.Paragraphs(6_000, seed: i)));
        await File.WriteAllTextAsync(_cli.PathOf("book.txt"), text);
        var second = _cli.PathOf("book-02.wav");
        var sawSecond = false;

        var run = await _cli.RunAsync(["say", "--file", "book.txt", "-v", "verse", "-o", "book.wav", "--split", "chapters"], whileRunning: async process =>
        {
            var deadline = Stopwatch.StartNew();
            while (!(File.Exists(second) && new FileInfo(second).Length > 100_000) && !process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            sawSecond = !process.HasExited && File.Exists(_cli.PathOf("book-01.wav"));
            using var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])!;
            await interrupt.WaitForExitAsync();
        });

        Assert.True(sawSecond, "the render ended before its second chapter could be interrupted: " + run.Error);
        Assert.Equal(130, run.ExitCode);
        Assert.Contains("orator say: cancelled.", run.Error, StringComparison.Ordinal);
        Assert.Equal(["book.txt"], _cli.WorkingFiles);
    }

    /// <summary>The percentages of the plain progress lines on standard error, in order.</summary>
    private static List<int> ProgressLines(string error) =>
        [.. ProgressLine().Matches(error).Select(m => int.Parse(m.Groups["percent"].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"^orator say: (?<percent>\d+)% [\d,]+/[\d,]+ characters, [\d:]+ of audio, [\d:]+ elapsed, ETA [\d:-]+$", RegexOptions.Multiline)]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"^Wrote book\.wav \((?<bytes>\d+) bytes, (?<seconds>\d+\.\d\d) s of audio\)$", RegexOptions.Multiline)]
    private static partial Regex WroteLine();
}
