using System.Buffers;
using System.IO.Pipelines;
using Orator.Audio.Encoding;
using Orator.Audio.Pipeline;

namespace Orator.Audio.Tests.Pipeline;

public sealed class AudioPipelineTests
{
    [Fact]
    public async Task One_second_of_16kHz_audio_becomes_one_second_of_24kHz_wav()
    {
        var pipe = new Pipe();
        Task<byte[]> body = ReadAllAsync(pipe.Reader);
        short[] input = Signals.Sine(16000, 1000, 1.0);

        using (var pipeline = new AudioPipeline(16000, 1.0, AudioEncoderFactory.Create(AudioFormat.Wav, AudioEncoderFactory.OutputSampleRate), pipe.Writer))
        {
            await pipeline.StartAsync(CancellationToken.None);
            foreach (ReadOnlyMemory<short> chunk in Chunks(input, 1234))
            {
                await pipeline.WriteAsync(chunk, CancellationToken.None);
            }

            await pipeline.CompleteAsync(CancellationToken.None);
            Assert.Equal(24000, pipeline.OutputSamples);
            Assert.Equal(TimeSpan.FromSeconds(1), pipeline.OutputDuration);
        }

        await pipe.Writer.CompleteAsync();
        byte[] bytes = await body;

        Assert.Equal(44 + (24000 * 2), bytes.Length);
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        short[] samples = new short[24000];
        Buffer.BlockCopy(bytes, 44, samples, 0, bytes.Length - 44);
        Assert.InRange(Signals.ZeroCrossingFrequency(samples.AsSpan(2400, 19200), 24000), 999.5, 1000.5);
    }

    [Fact]
    public async Task Bytes_reach_the_reader_before_the_stream_is_completed()
    {
        var pipe = new Pipe();
        using var pipeline = new AudioPipeline(16000, 1.0, AudioEncoderFactory.Create(AudioFormat.Wav, AudioEncoderFactory.OutputSampleRate), pipe.Writer);

        await pipeline.StartAsync(CancellationToken.None);
        Assert.True(pipe.Reader.TryRead(out ReadResult header));
        Assert.Equal(44, header.Buffer.Length);
        pipe.Reader.AdvanceTo(header.Buffer.End);

        await pipeline.WriteAsync(Signals.Sine(16000, 500, 0.25), CancellationToken.None);

        Assert.True(pipe.Reader.TryRead(out ReadResult audio));
        // All but the resampler's look-ahead is already out: 0.25 s at 24 kHz is 12000 bytes.
        Assert.InRange(audio.Buffer.Length, 11000, 12000);
        pipe.Reader.AdvanceTo(audio.Buffer.End);
    }

    [Fact]
    public async Task A_residual_tempo_shortens_the_output()
    {
        var pipe = new Pipe();
        Task<byte[]> body = ReadAllAsync(pipe.Reader);
        using var pipeline = new AudioPipeline(16000, 2.0, AudioEncoderFactory.Create(AudioFormat.Pcm, 24000), pipe.Writer);

        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.WriteAsync(Signals.SpeechLike(16000, 2.0), CancellationToken.None);
        await pipeline.CompleteAsync(CancellationToken.None);
        await pipe.Writer.CompleteAsync();

        Assert.Equal(24000, pipeline.OutputSamples);
        Assert.Equal(24000 * 2, (await body).Length);
    }

    [Fact]
    public async Task Audio_already_at_the_output_rate_passes_through_byte_for_byte()
    {
        var pipe = new Pipe();
        Task<byte[]> body = ReadAllAsync(pipe.Reader);
        short[] input = Signals.SpeechLike(24000, 0.5);
        using var pipeline = new AudioPipeline(24000, 1.0, AudioEncoderFactory.Create(AudioFormat.Pcm, 24000), pipe.Writer);

        await pipeline.StartAsync(CancellationToken.None);
        foreach (ReadOnlyMemory<short> chunk in Chunks(input, 5000))
        {
            await pipeline.WriteAsync(chunk, CancellationToken.None);
        }

        await pipeline.CompleteAsync(CancellationToken.None);
        await pipe.Writer.CompleteAsync();

        byte[] expected = new byte[input.Length * 2];
        Buffer.BlockCopy(input, 0, expected, 0, expected.Length);
        Assert.Equal(expected, await body);
    }

    [Fact]
    public async Task A_cancelled_token_stops_a_write()
    {
        var pipe = new Pipe();
        using var pipeline = new AudioPipeline(16000, 1.0, AudioEncoderFactory.Create(AudioFormat.Wav, AudioEncoderFactory.OutputSampleRate), pipe.Writer);
        await pipeline.StartAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => pipeline.WriteAsync(new short[1600], new CancellationToken(canceled: true)).AsTask());
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_a_slow_reader_throws_operation_cancelled()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1024, resumeWriterThreshold: 512));
        using var pipeline = new AudioPipeline(16000, 1.0, AudioEncoderFactory.Create(AudioFormat.Pcm, 24000), pipe.Writer);
        await pipeline.StartAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        // Nobody reads, so the flush after this chunk waits for back-pressure to clear.
        ValueTask write = pipeline.WriteAsync(new short[16000], cancellation.Token);
        Assert.False(write.IsCompleted);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.AsTask());
    }

    [Fact]
    public async Task A_reader_that_went_away_stops_the_pipeline()
    {
        var pipe = new Pipe();
        using var pipeline = new AudioPipeline(16000, 1.0, AudioEncoderFactory.Create(AudioFormat.Pcm, 24000), pipe.Writer);
        await pipeline.StartAsync(CancellationToken.None);

        await pipe.Reader.CompleteAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => pipeline.WriteAsync(new short[1600], CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Writing_before_start_is_an_error()
    {
        var pipe = new Pipe();
        using var pipeline = new AudioPipeline(16000, 1.0, AudioEncoderFactory.Create(AudioFormat.Wav, AudioEncoderFactory.OutputSampleRate), pipe.Writer);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => pipeline.WriteAsync(new short[16], CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Writing_chunks_allocates_nothing_once_warmed_up()
    {
        var pipe = new Pipe(new PipeOptions(useSynchronizationContext: false));
        using var pipeline = new AudioPipeline(16000, 1.3, AudioEncoderFactory.Create(AudioFormat.Wav, 24000), pipe.Writer);
        ReadOnlyMemory<short> chunk = Signals.SpeechLike(16000, 0.1);
        await pipeline.StartAsync(CancellationToken.None);

        // Warm up: JIT, pool buffers and pipe segments.
        bool synchronous = true;
        for (int i = 0; i < 20; i++)
        {
            synchronous &= WriteAndDrain(pipeline, pipe.Reader, chunk);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            synchronous &= WriteAndDrain(pipeline, pipe.Reader, chunk);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(synchronous);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Dispose_disposes_the_encoder()
    {
        var encoder = new TrackingEncoder();
        var pipeline = new AudioPipeline(16000, 1.5, encoder, new Pipe().Writer);

        pipeline.Dispose();
        pipeline.Dispose();

        Assert.Equal(1, encoder.DisposeCount);
    }

    private static IEnumerable<ReadOnlyMemory<short>> Chunks(short[] samples, int size)
    {
        for (int i = 0; i < samples.Length; i += size)
        {
            yield return samples.AsMemory(i, Math.Min(size, samples.Length - i));
        }
    }

    /// <summary>
    /// Synchronous on purpose: with a drained pipe every flush completes at once, and a helper
    /// async method would itself allocate a state machine in Debug builds.
    /// </summary>
    private static bool WriteAndDrain(AudioPipeline pipeline, PipeReader reader, ReadOnlyMemory<short> chunk)
    {
        ValueTask write = pipeline.WriteAsync(chunk, CancellationToken.None);
        if (!write.IsCompletedSuccessfully)
        {
            return false;
        }

        if (reader.TryRead(out ReadResult result))
        {
            reader.AdvanceTo(result.Buffer.End);
        }

        return true;
    }

    private static async Task<byte[]> ReadAllAsync(PipeReader reader)
    {
        using var buffer = new MemoryStream();
        await reader.CopyToAsync(buffer);
        await reader.CompleteAsync();
        return buffer.ToArray();
    }

    private sealed class TrackingEncoder : IAudioEncoder
    {
        public int DisposeCount { get; private set; }

        public AudioFormat Format => AudioFormat.Pcm;

        public string ContentType => "audio/pcm";

        public int SampleRate => 24000;

        public void WriteHeader(IBufferWriter<byte> output)
        {
        }

        public void Encode(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
        {
        }

        public void Finish(IBufferWriter<byte> output)
        {
        }

        public void Dispose() => DisposeCount++;
    }
}
