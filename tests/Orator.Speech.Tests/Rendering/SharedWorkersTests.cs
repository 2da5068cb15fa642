using System.Diagnostics;
using Orator.Core.Audio;
using Orator.Engines.Workers;
using Orator.Speech.Planning;
using Orator.Speech.Rendering;
using Orator.Speech.Tests.Support;
using Xunit.Abstractions;

namespace Orator.Speech.Tests.Rendering;

/// <summary>
/// How one long request shares the two workers: it takes both while alone, gives one up as soon
/// as another request waits, takes it back when that one is done, and frees every worker at once
/// when its client leaves.
/// </summary>
[Collection(LocalSpeechCollection.Name)]
public sealed class SharedWorkersTests(LocalSpeechFixture fixture, ITestOutputHelper output)
{
    private static readonly string Book = string.Join(' ', Enumerable.Range(1, 90).Select(i =>
        $"Page {i} of the long book goes on about the weather, the sea and the ships that sail on it."));

    private SpeechPlan PlanOf(string input) => fixture.Speech.Planner.Plan(TestRequests.Speech(input, "slt", "flite", AudioFormat.Pcm)).Plan!;

    private EngineWorkerPool Pool => fixture.Speech.Engines.Pool!;

    [Fact]
    public async Task A_request_that_arrives_mid_render_hears_its_first_sentence_long_before_the_long_one_ends()
    {
        var longPlan = PlanOf(Book);
        var engine = Assert.IsType<WorkerSpeechEngine>(longPlan.Voice.Engine);
        var longOutput = new SignallingOutput();
        var clock = Stopwatch.StartNew();
        var longRender = SpeechRenderer.RenderAsync(longPlan, longOutput, CancellationToken.None);
        await longOutput.Began.WaitAsync(TimeSpan.FromSeconds(30));
        var aheadWhileAlone = engine.WindowsRenderedAhead;
        // Look-ahead starts once the first window is done; on a loaded machine that can take a while after the first audio.
        await Until(() => engine.WindowsRenderedAhead > aheadWhileAlone || longRender.IsCompleted, TimeSpan.FromSeconds(20));
        Assert.True(engine.WindowsRenderedAhead > aheadWhileAlone || longRender.IsCompleted, "alone, the long request did not render ahead on the second worker");

        var shortOutput = new SignallingOutput();
        var arrived = clock.Elapsed;
        var shortRender = SpeechRenderer.RenderAsync(PlanOf("A short question, asked in the middle."), shortOutput, CancellationToken.None);
        await shortOutput.Began;
        var shortFirstAudio = clock.Elapsed - arrived;
        Assert.Equal(RenderStatus.Completed, (await shortRender).Status);
        var aheadAfterShort = engine.WindowsRenderedAhead;

        Assert.False(longRender.IsCompleted, "the long request ended before the short one was heard: make the book longer");
        var longOutcome = await longRender;
        var longTotal = clock.Elapsed;
        output.WriteLine($"short request first audio after {shortFirstAudio.TotalMilliseconds:F0} ms; long request took {longTotal.TotalMilliseconds:F0} ms in all");

        Assert.Equal(RenderStatus.Completed, longOutcome.Status);
        Assert.True(shortFirstAudio < (longTotal - arrived) / 3, $"the short request waited {shortFirstAudio.TotalMilliseconds:F0} ms for its first audio");
        Assert.True(engine.WindowsRenderedAhead > aheadAfterShort, "the long request did not take the second worker back once it was free again");
    }

    [Fact]
    public async Task A_client_that_leaves_frees_every_worker_its_request_held()
    {
        var speech = new SignallingOutput();
        using var leave = new CancellationTokenSource();
        var render = SpeechRenderer.RenderAsync(PlanOf(Book), speech, leave.Token);
        try
        {
            await speech.Began.WaitAsync(TimeSpan.FromSeconds(30));
            await Until(() => Pool.Idle == 0, TimeSpan.FromSeconds(20)); // windows are now rendering on both workers
            Assert.Equal(0, Pool.Idle);
        }
        catch
        {
            // Never leave the book rendering on the shared workers for the tests that follow.
            await leave.CancelAsync();
            await render;
            throw;
        }

        var clock = Stopwatch.StartNew();
        await leave.CancelAsync();
        var outcome = await render;
        while (Pool.Idle < Pool.Size && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(5);
        }

        output.WriteLine($"all {Pool.Size} workers idle {clock.Elapsed.TotalMilliseconds:F0} ms after the client left");
        Assert.Equal(RenderStatus.ClientGone, outcome.Status);
        Assert.Equal(Pool.Size, Pool.Idle);
        Assert.Equal(0, Pool.Restarts);
    }

    /// <summary>An output that says when audio began and otherwise discards it.</summary>
    private sealed class SignallingOutput : ISpeechOutput
    {
        private readonly TaskCompletionSource _began = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.IO.Pipelines.PipeWriter Writer { get; } = System.IO.Pipelines.PipeWriter.Create(Stream.Null);

        public Task Began => _began.Task;

        public void Begin(RenderStart start) => _began.TrySetResult();

        public ValueTask EndAsync(RenderSummary summary, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    /// <summary>Waits until <paramref name="condition"/> holds or <paramref name="limit"/> passes (the caller asserts it).</summary>
    private static async Task Until(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < limit)
        {
            await Task.Delay(5);
        }
    }
}
