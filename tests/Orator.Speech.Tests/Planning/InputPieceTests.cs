using Orator.Speech.Requests;
using Orator.Speech.Tests.Support;
using Orator.Text;

namespace Orator.Speech.Tests.Planning;

/// <summary>A request that is one piece of a longer text: how it is split and what pause its last chunk gets.</summary>
[Collection(LocalSpeechCollection.Name)]
public sealed class InputPieceTests(LocalSpeechFixture fixture)
{
    // One sentence of 160 characters: more than the short first chunk of a lone request allows.
    private const string LongSentence =
        "The harbour was quiet in the early morning, and the fishing boats rocked gently against the pier while the gulls waited on the roofs of the sheds for the catch.";

    [Fact]
    public void A_whole_text_ends_without_a_pause_and_starts_with_a_short_chunk()
    {
        var plan = fixture.Speech.Planner.Plan(TestRequests.Speech(LongSentence + " It was cold.")).Plan!;

        Assert.Equal(TimeSpan.Zero, plan.PausesAfter[^1]);
        Assert.True(plan.Spoken.Chunks[0].Length <= SplitterOptions.Default.FirstChunkMaxCharacters);
    }

    [Theory]
    [InlineData(ChunkBreak.Paragraph, 650)]
    [InlineData(ChunkBreak.Sentence, 280)]
    [InlineData(ChunkBreak.End, 0)]
    public void The_last_chunk_of_a_piece_gets_the_pause_of_the_break_after_it(ChunkBreak breakAfter, int milliseconds)
    {
        var request = TestRequests.Speech("First sentence here. Second sentence there.", voice: "verse") with { Piece = new InputPiece(false, breakAfter) };

        var plan = fixture.Speech.Planner.Plan(request).Plan!;

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), plan.PausesAfter[^1]);
        Assert.Equal(ChunkBreak.End, plan.Spoken.Chunks[^1].Break);
    }

    [Fact]
    public void A_piece_that_follows_earlier_text_is_split_as_the_middle_of_a_text()
    {
        var request = TestRequests.Speech(LongSentence + " It was cold, and the wind came from the north.") with { Piece = new InputPiece(true, ChunkBreak.End) };

        var plan = fixture.Speech.Planner.Plan(request).Plan!;

        Assert.Equal(LongSentence, plan.Spoken.Chunks[0].Text);
    }
}
