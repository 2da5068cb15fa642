using Orator.Core.Audio;
using Orator.Engines.Workers;
using Orator.Speech.Planning;
using Orator.Speech.Rendering;
using Orator.Speech.Tests.Support;

namespace Orator.Speech.Tests.Rendering;

/// <summary>
/// A long request rendered with windows ahead on the second worker gives exactly the bytes of
/// rendering its windows one after another: same samples, same trims, fades and pauses.
/// </summary>
[Collection(LocalSpeechCollection.Name)]
public sealed class ParallelRenderingTests(LocalSpeechFixture fixture)
{
    private static readonly string LongText = string.Join(' ', Enumerable.Range(1, 14).Select(i =>
        $"Sentence number {i} tells a little more of the story, and then it pauses. "));

    [Theory]
    [InlineData("flite", "slt", AudioFormat.Pcm)]
    [InlineData("flite", "kal16", AudioFormat.Mp3)]
    [InlineData("espeak", "de", AudioFormat.Pcm)]
    [InlineData("espeak", "en-us", AudioFormat.Flac)]
    public async Task Rendering_ahead_on_other_workers_gives_the_bytes_of_rendering_in_sequence(string model, string voice, AudioFormat format)
    {
        var plan = fixture.Speech.Planner.Plan(TestRequests.Speech(LongText, voice, model, format)).Plan!;
        var engine = Assert.IsType<WorkerSpeechEngine>(plan.Voice.Engine);
        Assert.True(plan.Spoken.Chunks.Count > 1 + WorkerSpeechEngine.WindowSegments, $"only {plan.Spoken.Chunks.Count} chunks");

        byte[] sequential;
        try
        {
            engine.MaxWindowsAhead = 0;
            sequential = await RenderAsync(plan);
        }
        finally
        {
            engine.MaxWindowsAhead = int.MaxValue;
        }

        // Whether a window renders ahead depends on a worker being idle at the right moment, which a
        // loaded machine can delay; every render must equal the sequential bytes, and one must have gone ahead.
        var wentAhead = false;
        for (var attempt = 0; attempt < 5 && !wentAhead; attempt++)
        {
            var aheadBefore = engine.WindowsRenderedAhead;
            var parallel = await RenderAsync(plan);
            wentAhead = engine.WindowsRenderedAhead > aheadBefore;
            Assert.Equal(sequential.Length, parallel.Length);
            Assert.True(sequential.AsSpan().SequenceEqual(parallel), "parallel rendering changed the bytes");
        }

        Assert.True(wentAhead, "no window was rendered ahead in five renders: the test did not exercise the parallel path");
    }

    private static async Task<byte[]> RenderAsync(SpeechPlan plan)
    {
        var output = new MemorySpeechOutput();
        var outcome = await SpeechRenderer.RenderAsync(plan, output, CancellationToken.None);
        Assert.Equal(RenderStatus.Completed, outcome.Status);
        return output.Bytes;
    }
}
