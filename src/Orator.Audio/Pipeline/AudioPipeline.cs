using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Orator.Audio.Dsp;
using Orator.Audio.Encoding;
using Orator.Audio.Resampling;
using Orator.Audio.Stretch;
using Orator.Core.Audio;

namespace Orator.Audio.Pipeline;

/// <summary>
/// The per-request push pipeline between a speech engine and the response body: each chunk the
/// engine writes is tempo-adjusted (optional), resampled to the encoder's rate, encoded straight
/// into the <see cref="PipeWriter"/> and flushed, so the first bytes leave while synthesis goes on.
/// </summary>
/// <remarks>
/// Call <see cref="StartAsync"/> once, <see cref="WriteAsync"/> per chunk, <see cref="CompleteAsync"/>
/// once. Working buffers are rented once per pipeline and chunks are processed in fixed-size
/// blocks, so no chunk allocates. The pipeline owns the encoder but not the writer: the caller
/// completes the <see cref="PipeWriter"/>. Not thread-safe: one writer at a time.
/// </remarks>
public sealed class AudioPipeline : IPcmSink, IDisposable
{
    /// <summary>Input samples processed per step; bounds the size of the working buffers.</summary>
    private const int BlockSize = 4096;

    private readonly IAudioEncoder _encoder;
    private readonly PipeWriter _output;
    private readonly WsolaTimeStretcher? _stretcher;
    private readonly PolyphaseResampler _resampler;
    private readonly PooledArray<short>? _stretched;
    private readonly PooledArray<short> _resampled;
    private static long s_live;
    private State _state;

    /// <summary>
    /// Pipelines created and not yet disposed, process-wide: the number of audio streams holding
    /// encoders (native codec state included). Returns to its baseline when every stream ended,
    /// however it ended.
    /// </summary>
    public static long LiveCount => Interlocked.Read(ref s_live);

    /// <summary>Creates a pipeline for one stream.</summary>
    /// <param name="inputSampleRate">The engine's sample rate in Hz.</param>
    /// <param name="tempo">
    /// Residual tempo factor applied by time-stretching at the input rate (1 = none, 2 = twice as fast),
    /// within <see cref="WsolaTimeStretcher.MinimumTempo"/>..<see cref="WsolaTimeStretcher.MaximumTempo"/>.
    /// </param>
    /// <param name="encoder">Encoder for the response; the pipeline disposes it.</param>
    /// <param name="output">Where encoded bytes go; flushed after every step.</param>
    public AudioPipeline(int inputSampleRate, double tempo, IAudioEncoder encoder, PipeWriter output)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSampleRate);

        _encoder = encoder;
        _output = output;
        _resampler = new PolyphaseResampler(inputSampleRate, encoder.SampleRate);
        int resamplerInput = BlockSize;
        if (tempo != 1.0)
        {
            _stretcher = new WsolaTimeStretcher(inputSampleRate, tempo);
            resamplerInput = _stretcher.MaxOutputFor(BlockSize);
            _stretched = new PooledArray<short>(resamplerInput);
        }

        _resampled = new PooledArray<short>(_resampler.MaxOutputFor(resamplerInput));
        Interlocked.Increment(ref s_live);
    }

    private enum State
    {
        Created,
        Started,
        Completed,
        Disposed,
    }

    /// <summary>Input (engine) sample rate in Hz.</summary>
    public int InputSampleRate => _resampler.InputSampleRate;

    /// <summary>Output sample rate in Hz (the encoder's).</summary>
    public int OutputSampleRate => _encoder.SampleRate;

    /// <summary>The encoder's media type, for the response's Content-Type.</summary>
    public string ContentType => _encoder.ContentType;

    /// <summary>
    /// Linear gain applied to the output (1 = unchanged); above 1 the peaks are limited softly
    /// under full scale (<see cref="SoftLimiter"/>), so a louder stream never clips. Used for
    /// "softer"/"louder" instructions and <c>volume_multiplier</c>. Set before <see cref="StartAsync"/>.
    /// </summary>
    public float Gain { get; init; } = 1f;

    /// <summary>Samples handed to the encoder so far, at <see cref="OutputSampleRate"/>.</summary>
    public long OutputSamples { get; private set; }

    /// <summary>Duration of the audio encoded so far.</summary>
    public TimeSpan OutputDuration => TimeSpan.FromSeconds((double)OutputSamples / OutputSampleRate);

    /// <summary>Writes the container header and flushes it.</summary>
    /// <exception cref="OperationCanceledException">Cancelled, or the reader stopped reading.</exception>
    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        Transition(State.Created, State.Started);
        cancellationToken.ThrowIfCancellationRequested();
        _encoder.WriteHeader(_output);
        return FlushAsync(cancellationToken);
    }

    /// <summary>Processes, encodes and flushes one chunk of engine PCM (mono, at <see cref="InputSampleRate"/>).</summary>
    /// <exception cref="OperationCanceledException">Cancelled, or the reader stopped reading.</exception>
    public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        EnsureState(State.Started);
        cancellationToken.ThrowIfCancellationRequested();
        ReadOnlySpan<short> input = samples.Span;
        while (!input.IsEmpty)
        {
            int count = Math.Min(input.Length, BlockSize);
            ProcessBlock(input[..count]);
            input = input[count..];
        }

        return FlushAsync(cancellationToken);
    }

    /// <summary>Segment ends need nothing here: the <see cref="Joining.SegmentJoiner"/> in front of the pipeline handles joins.</summary>
    public ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Drains the stretcher and resampler, finishes the encoder and flushes.</summary>
    /// <exception cref="OperationCanceledException">Cancelled, or the reader stopped reading.</exception>
    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Transition(State.Started, State.Completed);
        cancellationToken.ThrowIfCancellationRequested();
        Span<short> resampled = _resampled.Array;
        if (_stretcher is not null)
        {
            Span<short> stretched = _stretched!.Array;
            int count = _stretcher.Flush(stretched);
            Encode(resampled[.._resampler.Process(stretched[..count], resampled)]);
        }

        Encode(resampled[.._resampler.Flush(resampled)]);
        _encoder.Finish(_output);
        return FlushAsync(cancellationToken);
    }

    /// <summary>Returns the pooled buffers and disposes the encoder. Does not complete the writer.</summary>
    public void Dispose()
    {
        if (_state == State.Disposed)
        {
            return;
        }

        _state = State.Disposed;
        Interlocked.Decrement(ref s_live);
        _stretcher?.Dispose();
        _stretched?.Dispose();
        _resampler.Dispose();
        _resampled.Dispose();
        _encoder.Dispose();
    }

    private static void ThrowIfStopped(FlushResult result)
    {
        if (result.IsCanceled)
        {
            throw new OperationCanceledException("The pending flush of the audio output was cancelled.");
        }

        if (result.IsCompleted)
        {
            throw new OperationCanceledException("The reader of the audio output has stopped reading.");
        }
    }

    private void ProcessBlock(ReadOnlySpan<short> block)
    {
        Span<short> resampled = _resampled.Array;
        if (_stretcher is not null)
        {
            Span<short> stretched = _stretched!.Array;
            block = stretched[.._stretcher.Process(block, stretched)];
        }

        Encode(resampled[.._resampler.Process(block, resampled)]);
    }

    private void Encode(Span<short> samples)
    {
        if (samples.IsEmpty)
        {
            return;
        }

        if (Gain > 1f)
        {
            // Louder: bend the peaks under full scale rather than flatten them against it.
            SoftLimiter.Apply(samples, Gain);
        }
        else if (Gain != 1f)
        {
            SampleConversion.ApplyGain(samples, Gain);
        }

        _encoder.Encode(samples, _output);
        OutputSamples += samples.Length;
    }

    private ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        ValueTask<FlushResult> flush = _output.FlushAsync(cancellationToken);
        if (flush.IsCompletedSuccessfully)
        {
            ThrowIfStopped(flush.Result);
            return ValueTask.CompletedTask;
        }

        return AwaitFlushAsync(flush);
    }

    // Pooled builder: a flush that waits on a slow client does not allocate a state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask AwaitFlushAsync(ValueTask<FlushResult> flush)
    {
        ThrowIfStopped(await flush);
    }

    private void EnsureState(State expected)
    {
        ObjectDisposedException.ThrowIf(_state == State.Disposed, this);
        if (_state != expected)
        {
            throw new InvalidOperationException(
                $"The audio pipeline is {_state.ToString().ToLowerInvariant()}; this call needs it {expected.ToString().ToLowerInvariant()}.");
        }
    }

    private void Transition(State from, State to)
    {
        EnsureState(from);
        _state = to;
    }
}
