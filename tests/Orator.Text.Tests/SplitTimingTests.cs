using System.Diagnostics;
using Xunit.Abstractions;

namespace Orator.Text.Tests;

/// <summary>
/// Measures how long a maximum-size input takes to split and writes it to the test output; the time
/// itself is not asserted (machines differ), only that pathological inputs stay linear.
/// </summary>
public sealed class SplitTimingTests(ITestOutputHelper output)
{
    private const int MaxInputLength = 4096;

    public static TheoryData<string> Shapes => ["prose", "no punctuation", "no white space", "chinese", "random", "initials", "dots"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Splitting_4096_characters_is_measured(string shape)
    {
        string input = Build(shape, MaxInputLength);
        var splitter = new SentenceSplitter();
        for (int i = 0; i < 50; i++)
        {
            _ = splitter.Split(input);
        }

        const int Rounds = 500;
        var clock = Stopwatch.StartNew();
        int chunks = 0;
        for (int i = 0; i < Rounds; i++)
        {
            chunks = splitter.Split(input).Count;
        }

        double microseconds = clock.Elapsed.TotalMicroseconds / Rounds;
        output.WriteLine($"{shape}: {input.Length} characters -> {chunks} chunks in {microseconds:F1} µs per split");
        Assert.True(chunks > 0 || shape == "dots");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Splitting_a_hundred_times_the_maximum_input_stays_linear(string shape)
    {
        string input = Build(shape, MaxInputLength * 100);
        var splitter = new SentenceSplitter();

        var clock = Stopwatch.StartNew();
        IReadOnlyList<TextChunk> chunks = splitter.Split(input);
        clock.Stop();

        output.WriteLine($"{shape}: {input.Length} characters -> {chunks.Count} chunks in {clock.Elapsed.TotalMilliseconds:F1} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "splitting is not linear");
    }

    private static string Build(string shape, int length)
    {
        string text = shape switch
        {
            "prose" => Repeat("Mr. Smith met Dr. Jones at 3 p.m. on Jan. 5, and they talked (briefly) about e.g. prices: $3.50, 1,000.25! ", length),
            "no punctuation" => Repeat("many small words run on without any punctuation at all ", length),
            "no white space" => new string('a', length),
            "chinese" => Repeat("我们今天去公园玩，然后回家吃饭。", length),
            "random" => new RandomText(7).Build(length),
            "initials" => Repeat("A. B. C. D. ", length),
            _ => Repeat(". . . ", length),
        };
        return text.Length > length ? text[..length] : text;
    }

    private static string Repeat(string unit, int length) => string.Concat(Enumerable.Repeat(unit, (length / unit.Length) + 1));
}
