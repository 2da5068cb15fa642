using System.Buffers.Binary;
using System.Text;
using Orator.Core.Audio;
using Orator.Core.Errors;
using Orator.Speech.Backends;
using Orator.Speech.Planning;
using Orator.Speech.Rendering;
using Orator.Speech.Tests.Support;

namespace Orator.Speech.Tests.Rendering;

[Collection(LocalSpeechCollection.Name)]
public sealed class SpeechRendererTests(LocalSpeechFixture fixture)
{
    private SpeechPlan PlanOf(string input, AudioFormat format = AudioFormat.Wav, string voice = "alloy", string model = "tts-1") =>
        fixture.Speech.Planner.Plan(TestRequests.Speech(input, voice, model, format)).Plan!;

    [Fact]
    public async Task A_flite_plan_renders_to_one_wav_stream_that_begins_before_its_first_byte()
    {
        var output = new MemorySpeechOutput();
        var outcome = await SpeechRenderer.RenderAsync(PlanOf("The quick brown fox. It jumped over the lazy dog."), output, CancellationToken.None);

        Assert.Equal(RenderStatus.Completed, outcome.Status);
        Assert.True(outcome.AudioStarted);
        var start = Assert.Single(output.Starts);
        Assert.Equal("audio/wav", start.ContentType);
        Assert.Equal(0, output.BytesBeforeBegin);
        var bytes = output.Bytes;
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(44 + (outcome.OutputSamples * 2), bytes.Length);
        Assert.InRange(outcome.AudioSeconds, 1.5, 6.0);
        Assert.Equal(outcome.OutputSamples, output.Summary!.Value.OutputSamples);
    }

    [Theory]
    [InlineData(AudioFormat.Mp3)]
    [InlineData(AudioFormat.Opus)]
    [InlineData(AudioFormat.Aac)]
    [InlineData(AudioFormat.Flac)]
    [InlineData(AudioFormat.Pcm)]
    public async Task Every_format_renders_with_its_own_container_start(AudioFormat format)
    {
        var output = new MemorySpeechOutput();
        var outcome = await SpeechRenderer.RenderAsync(PlanOf("Every format streams as one file.", format), output, CancellationToken.None);

        Assert.Equal(RenderStatus.Completed, outcome.Status);
        Assert.Equal(AudioFormats.ContentTypeOf(format), Assert.Single(output.Starts).ContentType);
        var bytes = output.Bytes;
        switch (format)
        {
            case AudioFormat.Mp3:
                Assert.True(bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0, "an MPEG frame sync first");
                break;
            case AudioFormat.Aac:
                Assert.True(bytes[0] == 0xFF && (bytes[1] & 0xF0) == 0xF0, "an ADTS sync first");
                break;
            case AudioFormat.Opus:
                Assert.Equal("OggS", Encoding.ASCII.GetString(bytes, 0, 4));
                break;
            case AudioFormat.Flac:
                Assert.Equal("fLaC", Encoding.ASCII.GetString(bytes, 0, 4));
                break;
            case AudioFormat.Pcm:
                Assert.Equal(outcome.OutputSamples * 2, bytes.Length);
                break;
        }
    }

    [Fact]
    public async Task A_neural_fixture_voice_renders_through_the_same_path()
    {
        var output = new MemorySpeechOutput();
        var outcome = await SpeechRenderer.RenderAsync(PlanOf("Hello from the fixture graph.", AudioFormat.Pcm, "af_bella", "kokoro"), output, CancellationToken.None);

        Assert.Equal(RenderStatus.Completed, outcome.Status);
        Assert.True(outcome.OutputSamples > 0);
        Assert.Equal(outcome.OutputSamples * 2, output.Bytes.Length);
    }

    [Fact]
    public async Task A_backend_that_fails_before_audio_leaves_the_output_unbegun()
    {
        var plan = PlanOf("Hello.") with
        {
            Backend = new ScriptedBackend(BackendAudio.Pcm(16000), (_, _) => throw new EngineUnavailableException("worker died")),
        };
        var output = new MemorySpeechOutput();
        var outcome = await SpeechRenderer.RenderAsync(plan, output, CancellationToken.None);

        Assert.Equal(RenderStatus.FailedBeforeAudio, outcome.Status);
        Assert.False(outcome.AudioStarted);
        Assert.Empty(output.Starts);
        Assert.Empty(output.Bytes);
        Assert.IsType<EngineUnavailableException>(outcome.Failure);
    }

    [Fact]
    public async Task Overload_before_audio_is_its_own_outcome()
    {
        var plan = PlanOf("Hello.") with
        {
            Backend = new ScriptedBackend(BackendAudio.Pcm(16000), (_, _) => throw new EngineOverloadedException("no worker free")),
        };
        var outcome = await SpeechRenderer.RenderAsync(plan, new MemorySpeechOutput(), CancellationToken.None);

        Assert.Equal(RenderStatus.OverloadedBeforeAudio, outcome.Status);
        Assert.False(outcome.AudioStarted);
    }

    [Fact]
    public async Task A_failure_after_audio_went_out_is_reported_as_such_and_the_output_is_not_ended()
    {
        var plan = PlanOf("Hello.") with
        {
            Backend = new ScriptedBackend(BackendAudio.Pcm(16000), async (output, ct) =>
            {
                await ScriptedBackend.WritePcmAsync(output.Pcm!, ScriptedBackend.Tone(16000, 0.5), ct);
                throw new EngineUnavailableException("worker died mid-request");
            }),
        };
        var output = new MemorySpeechOutput();
        var outcome = await SpeechRenderer.RenderAsync(plan, output, CancellationToken.None);

        Assert.Equal(RenderStatus.FailedAfterAudio, outcome.Status);
        Assert.True(outcome.AudioStarted);
        Assert.True(outcome.OutputSamples > 0);
        Assert.Null(output.Summary);
    }

    [Fact]
    public async Task Cancellation_mid_render_is_the_client_gone_outcome()
    {
        using var cancel = new CancellationTokenSource();
        var plan = PlanOf("Hello.") with
        {
            Backend = new ScriptedBackend(BackendAudio.Pcm(16000), async (output, ct) =>
            {
                await ScriptedBackend.WritePcmAsync(output.Pcm!, ScriptedBackend.Tone(16000, 0.2), ct);
                await cancel.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
            }),
        };
        var outcome = await SpeechRenderer.RenderAsync(plan, new MemorySpeechOutput(), cancel.Token);

        Assert.Equal(RenderStatus.ClientGone, outcome.Status);
        Assert.True(outcome.AudioStarted);
        Assert.Null(outcome.Failure);
    }

    [Fact]
    public async Task A_real_engine_stops_when_the_render_is_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var text = string.Join(' ', Enumerable.Repeat("This sentence is long enough to keep the engine busy for a while.", 40));
        var outcome = await SpeechRenderer.RenderAsync(PlanOf(text), new MemorySpeechOutput(), cancel.Token);

        Assert.Equal(RenderStatus.ClientGone, outcome.Status);
    }

    [Fact]
    public async Task Encoded_bytes_from_a_backend_pass_through_unchanged()
    {
        byte[] first = [0xFF, 0xF3, 0x44, 0xC4, 1, 2, 3];
        byte[] second = [4, 5, 6, 7];
        var plan = PlanOf("Hello.", AudioFormat.Mp3) with
        {
            Backend = new ScriptedBackend(BackendAudio.Encoded(AudioFormat.Mp3), async (output, ct) =>
            {
                Assert.Null(output.Pcm);
                await output.Encoded!.WriteAsync(first, ct);
                await output.Encoded.WriteAsync(second, ct);
            }),
        };
        var output = new MemorySpeechOutput();
        var outcome = await SpeechRenderer.RenderAsync(plan, output, CancellationToken.None);

        Assert.Equal(RenderStatus.Completed, outcome.Status);
        Assert.Equal("audio/mpeg", Assert.Single(output.Starts).ContentType);
        Assert.Equal([.. first, .. second], output.Bytes);
    }

    [Fact]
    public async Task The_joiner_inserts_the_planned_pause_between_chunks()
    {
        var rate = 16000;
        var plan = PlanOf("Hello.", AudioFormat.Pcm) with
        {
            PausesAfter = [TimeSpan.FromMilliseconds(500), TimeSpan.Zero],
            PipelineSampleRate = rate,
            Backend = new ScriptedBackend(BackendAudio.Pcm(rate), async (output, ct) =>
            {
                await output.Pcm!.WriteAsync(ScriptedBackend.Tone(rate, 0.25), ct);
                await output.Pcm.EndSegmentAsync(0, ct);
                await output.Pcm.WriteAsync(ScriptedBackend.Tone(rate, 0.25), ct);
                await output.Pcm.EndSegmentAsync(1, ct);
            }),
        };
        var output = new MemorySpeechOutput();
        await SpeechRenderer.RenderAsync(plan, output, CancellationToken.None);

        // The longest silent run in the 24 kHz output is the 500 ms pause (the fades add a few ms).
        var bytes = output.Bytes;
        int longest = 0, run = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            run = Math.Abs((int)BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i))) < 64 ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        Assert.InRange(longest / 24.0, 495, 530);
    }
}
