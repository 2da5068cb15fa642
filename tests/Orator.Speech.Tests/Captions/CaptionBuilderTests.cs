using Orator.Speech.Captions;

namespace Orator.Speech.Tests.Captions;

/// <summary>Where cues and lines break, and what text they show.</summary>
public sealed class CaptionBuilderTests
{
    /// <summary>Input text, then the cues it gives, each with its lines joined by " | ".</summary>
    public static TheoryData<string, string[]> Texts { get; } = new()
    {
        { "Hello there, world.", ["Hello there, world."] },
        { "It was late. The rain had stopped! Was anyone awake?", ["It was late.", "The rain had stopped!", "Was anyone awake?"] },
        {
            "The harbour was quiet in the early morning, and the fishing boats rocked gently against the pier, while the gulls waited on the roofs of the sheds for the catch.",
            [
                "The harbour was quiet | in the early morning,",
                "and the fishing boats rocked | gently against the pier,",
                "while the gulls waited on the | roofs of the sheds for the catch.",
            ]
        },
        {
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
            [
                "one two three four five six seven eight | nine ten eleven twelve thirteen fourteen",
                "fifteen sixteen seventeen | eighteen nineteen twenty",
            ]
        },
        { "After the long winter, the river finally thawed and ran again.", ["After the long winter, | the river finally thawed and ran again."] },
        { "Hello   there,\n  my\tfriend.", ["Hello there, my friend."] },
        { "She said, \"Stop.\" Then (quietly) he left.", ["She said, \"Stop.\"", "Then (quietly) he left."] },
        { "Mr. Smith went to Washington. — Did he? Yes — he did…", ["Mr. Smith went to Washington.", "— Did he?", "Yes — he did…"] },
        { "Chapter One\n\nThe beginning of the story was simple.", ["Chapter One", "The beginning of the story was simple."] },
        { "Привет, мир! Ça va très bien, merci.", ["Привет, мир!", "Ça va très bien, merci."] },
        { "We cheered 🎉🎉 and the family 👨‍👩‍👧 waved back.", ["We cheered 🎉🎉 and the family 👨‍👩‍👧 waved back."] },
        { "A well-known 3.5 km walk.", ["A well-known 3.5 km walk."] },
        { "\"Where?\" she asked.", ["\"Where?\" she asked."] },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Cues_break_at_sentences_then_clauses_and_show_the_input_text(string text, string[] expected)
    {
        CaptionTrack track = CaptionBuilder.Build(text, TimedWords.For(text));

        Assert.Equal(expected, track.Cues.Select(cue => cue.Text.Replace("\n", " | ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_word_longer_than_a_line_gets_a_line_of_its_own_and_is_never_broken()
    {
        const string Long = "Supercalifragilisticexpialidociouslyextraordinary";
        string text = $"We said {Long} today.";

        CaptionTrack track = CaptionBuilder.Build(text, TimedWords.For(text));

        string[] lines = [.. track.Cues.SelectMany(cue => cue.Text.Split('\n'))];
        Assert.Contains(Long, lines);
        Assert.Equal(text, string.Join(' ', lines));
    }

    [Fact]
    public void Lines_are_measured_in_text_elements_so_accents_and_emoji_count_once()
    {
        // Seven words of five text elements but six UTF-16 units: 41 elements, 48 units, one line.
        string text = string.Join(' ', Enumerable.Repeat("cafe\u0301", 7));

        CaptionTrack track = CaptionBuilder.Build(text, TimedWords.For(text));

        Assert.Equal([text], track.Cues.Select(cue => cue.Text));
    }

    [Fact]
    public void Words_of_a_script_without_spaces_break_at_its_own_sentence_marks()
    {
        const string Text = "今天天气很好。我们去公园吧。";
        SpokenWord[] words =
        [
            new("今天", 0.0, 0.4, 0, 2), new("天气", 0.4, 0.8, 2, 2), new("很好", 0.8, 1.2, 4, 2),
            new("我们", 1.5, 1.9, 7, 2), new("去", 1.9, 2.1, 9, 1), new("公园", 2.1, 2.5, 10, 2), new("吧", 2.5, 2.7, 12, 1),
        ];

        CaptionTrack track = CaptionBuilder.Build(Text, words);

        Assert.Equal(["今天天气很好。", "我们去公园吧。"], track.Cues.Select(cue => cue.Text));
    }

    [Fact]
    public void No_words_give_no_cues()
    {
        CaptionTrack track = CaptionBuilder.Build("Nothing was spoken.", []);

        Assert.Empty(track.Cues);
        Assert.Empty(track.Words);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(10, 5)]
    [InlineData(0, 99)]
    public void A_word_outside_the_text_is_rejected(int offset, int length)
    {
        SpokenWord[] words = [new("word", 0, 1, offset, length)];

        Assert.Throws<ArgumentException>(() => CaptionBuilder.Build("short text", words));
    }

    [Fact]
    public void A_word_that_overlaps_the_one_before_is_rejected()
    {
        SpokenWord[] words = [new("short", 0, 1, 0, 5), new("hort", 1, 2, 1, 4)];

        Assert.Throws<ArgumentException>(() => CaptionBuilder.Build("short text", words));
    }

    [Fact]
    public void A_word_with_a_time_that_is_not_a_number_is_rejected()
    {
        SpokenWord[] words = [new("short", double.NaN, 1, 0, 5)];

        Assert.Throws<ArgumentException>(() => CaptionBuilder.Build("short text", words));
    }
}
