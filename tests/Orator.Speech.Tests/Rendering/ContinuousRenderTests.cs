using Orator.Core.Audio;
using Orator.Speech.Planning;
using Orator.Speech.Rendering;
using Orator.Speech.Requests;
using Orator.Speech.Tests.Support;
using Orator.Text;

namespace Orator.Speech.Tests.Rendering;

/// <summary>Several plans into one stream: the same bytes as the whole text in one plan, and the rules of continuing.</summary>
[Collection(LocalSpeechCollection.Name)]
public sealed class ContinuousRenderTests(LocalSpeechFixture fixture)
{
    private static readonly string[] Paragraphs =
    [
        "The harbour was quiet in the early morning. The fishing boats rocked gently against the pier.",
        "A young engineer walked along the sea wall, thinking about the machine she had promised to finish by spring, and about the plates of bright steel it still needed.",
        "Every part of it had been drawn by hand. It was measured twice, and cut once.",
    ];

    [Theory]
    [InlineData(AudioFormat.Wav)]
    [InlineData(AudioFormat.Mp3)]
    [InlineData(AudioFormat.Flac)]
    public async Task Pieces_split_at_paragraphs_render_to_the_bytes_of_the_whole_text(AudioFormat format)
    {
        // verse (Flite kal16) renders the same samples for the same text every time.
        var whole = new MemorySpeechOutput();
        var wholeOutcome = await SpeechRenderer.RenderAsync(Plan(string.Join("\n\n", Paragraphs), format, piece: null), whole, CancellationToken.None);

        var pieces = new MemorySpeechOutput();
        RenderOutcome outcome;
        using (var render = new ContinuousRender(pieces))
        {
            for (var i = 0; i < Paragraphs.Length; i++)
            {
                var piece = new InputPiece(i > 0, i < Paragraphs.Length - 1 ? ChunkBreak.Paragraph : ChunkBreak.End);
                outcome = await render.RenderAsync(Plan(Paragraphs[i], format, piece), CancellationToken.None);
                Assert.Equal(RenderStatus.Completed, outcome.Status);
            }

            outcome = await render.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(RenderStatus.Completed, wholeOutcome.Status);
        Assert.Equal(RenderStatus.Completed, outcome.Status);
        Assert.Equal(wholeOutcome.OutputSamples, outcome.OutputSamples);
        Assert.Single(pieces.Starts);
        Assert.Equal(whole.Bytes, pieces.Bytes);
        // Usage counts the pieces' input, which leaves out the blank lines between them.
        Assert.Equal(whole.Summary!.Value.Usage.OutputTokens, pieces.Summary!.Value.Usage.OutputTokens);
        Assert.Equal(Paragraphs.Sum(p => p.Length), pieces.Summary.Value.Usage.InputTokens);
    }

    [Fact]
    public async Task An_opus_stream_of_pieces_is_one_ogg_stream()
    {
        var output = new MemorySpeechOutput();
        using (var render = new ContinuousRender(output))
        {
            for (var i = 0; i < Paragraphs.Length; i++)
            {
                await render.RenderAsync(Plan(Paragraphs[i], AudioFormat.Opus, new InputPiece(i > 0, ChunkBreak.Paragraph)), CancellationToken.None);
            }

            await render.CompleteAsync(CancellationToken.None);
        }

        var bytes = output.Bytes;
        Assert.Equal(1, Occurrences(bytes, "OpusHead"u8));
        Assert.Equal(1, Occurrences(bytes, "OpusTags"u8));
    }

    [Fact]
    public async Task Progress_counts_the_segments_of_the_plan_rendering_and_the_samples_so_far()
    {
        var plan = Plan(Paragraphs[0] + " " + Paragraphs[1], AudioFormat.Pcm, piece: null);
        using var render = new ContinuousRender(new MemorySpeechOutput());

        var first = await render.RenderAsync(plan, CancellationToken.None);
        Assert.Equal(plan.Spoken.Chunks.Count, render.SegmentsEnded);
        Assert.Equal(first.OutputSamples, render.OutputSamples);
        Assert.True(render.OutputSamples > 0);

        var second = await render.RenderAsync(Plan(Paragraphs[2], AudioFormat.Pcm, new InputPiece(true, ChunkBreak.End)), CancellationToken.None);
        Assert.True(second.OutputSamples > first.OutputSamples);
        Assert.Equal(second.OutputSamples, render.OutputSamples);
    }

    [Fact]
    public async Task A_plan_in_another_format_cannot_continue_the_stream()
    {
        using var render = new ContinuousRender(new MemorySpeechOutput());
        await render.RenderAsync(Plan(Paragraphs[0], AudioFormat.Wav, piece: null), CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => render.RenderAsync(Plan(Paragraphs[1], AudioFormat.Mp3, piece: null), CancellationToken.None));
    }

    [Fact]
    public async Task A_completed_stream_takes_no_more_plans()
    {
        using var render = new ContinuousRender(new MemorySpeechOutput());
        await Assert.ThrowsAsync<InvalidOperationException>(() => render.CompleteAsync(CancellationToken.None));
        await render.RenderAsync(Plan(Paragraphs[0], AudioFormat.Wav, piece: null), CancellationToken.None);
        Assert.Equal(RenderStatus.Completed, (await render.CompleteAsync(CancellationToken.None)).Status);

        await Assert.ThrowsAsync<InvalidOperationException>(() => render.RenderAsync(Plan(Paragraphs[1], AudioFormat.Wav, piece: null), CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_plan_cuts_the_stream()
    {
        using var render = new ContinuousRender(new MemorySpeechOutput());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var outcome = await render.RenderAsync(Plan(Paragraphs[0], AudioFormat.Wav, piece: null), cancelled.Token);

        Assert.Equal(RenderStatus.ClientGone, outcome.Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => render.CompleteAsync(CancellationToken.None));
    }

    private static int Occurrences(byte[] bytes, ReadOnlySpan<byte> marker)
    {
        var count = 0;
        for (var span = bytes.AsSpan(); span.IndexOf(marker) is var at and >= 0; span = span[(at + marker.Length)..])
        {
            count++;
        }

        return count;
    }

    private SpeechPlan Plan(string text, AudioFormat format, InputPiece? piece) =>
        fixture.Speech.Planner.Plan(TestRequests.Speech(text, voice: "verse", format: format) with { Piece = piece }).Plan!;
}
