using System.Runtime.CompilerServices;
using Orator.Audio.Encoding;
using Orator.Audio.Joining;
using Orator.Audio.Pipeline;
using Orator.Core.Audio;
using Orator.Speech.Backends;
using Orator.Speech.Planning;

namespace Orator.Speech.Rendering;

/// <summary>
/// One audio stream rendered from one or more plans, in order: one encoder, one audio pipeline
/// and one container (one WAV header, one Ogg stream, continuous MP3 frames) however many plans
/// go through, so a text far longer than one plan should hold (a book) is planned and rendered
/// piece by piece into a single file with bounded memory. Each plan gets its own joiner (its
/// chunks and their pauses); the pause after a plan's last chunk (see
/// <see cref="Requests.InputPiece"/>) is the join to the next plan. <see cref="SpeechRenderer"/>
/// renders a single plan through this too.
/// </summary>
/// <remarks>
/// Call <see cref="RenderAsync"/> for each plan, then <see cref="CompleteAsync"/> once. The first
/// plan fixes the format, rates, tempo and gain; later plans must agree (pieces of one request
/// do). Only PCM backends can be continued: bytes an upstream encoded are a container each.
/// After an outcome other than <see cref="RenderStatus.Completed"/> the stream is cut and takes
/// no more plans. <see cref="OutputSamples"/> and <see cref="SegmentsEnded"/> may be read from
/// any thread while a plan renders (a progress display); everything else is one caller at a time.
/// </remarks>
public sealed class ContinuousRender : IDisposable
{
    private readonly ISpeechOutput _output;
    private SpeechPlan? _first;
    private int _backendRate;
    private IAudioEncoder? _encoder;
    private AudioPipeline? _pipeline;
    private FirstAudioSink? _sink;
    private long _inputTokens;
    private long _joinedBefore;
    private long _outputSamples;
    private int _segmentsEnded;
    private bool _ended;
    private bool _disposed;

    /// <summary>Creates a render into <paramref name="output"/>; nothing is written until the first plan's first audio.</summary>
    public ContinuousRender(ISpeechOutput output)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
    }

    /// <summary>Samples encoded so far, at the output rate, as of the last segment end; safe to read from any thread.</summary>
    public long OutputSamples => Volatile.Read(ref _outputSamples);

    /// <summary>Segments (chunks) of the plan now rendering that have ended; safe to read from any thread.</summary>
    public int SegmentsEnded => Volatile.Read(ref _segmentsEnded);

    /// <summary>Renders <paramref name="plan"/> onto the end of the stream; <see cref="RenderStatus.Completed"/> means all its audio is in.</summary>
    /// <exception cref="ArgumentException">The plan cannot continue this stream (another format, rate, tempo or gain, or an encoded backend).</exception>
    /// <exception cref="InvalidOperationException">The stream was completed or cut.</exception>
    public async Task<RenderOutcome> RenderAsync(SpeechPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_ended)
        {
            throw new InvalidOperationException("The stream was completed or cut; it takes no more plans.");
        }

        var sink = Open(plan);
        Volatile.Write(ref _segmentsEnded, 0);
        _inputTokens += SpeechUsage.CountCodePoints(plan.Input);
        using var joiner = new SegmentJoiner(_backendRate, plan.PausesAfter, sink);
        using var aligner = plan.Timestamps && _output is IWordOutput words ? AlignerFor(plan, joiner, sink, words) : null;
        try
        {
            await plan.Backend.RenderAsync(plan, BackendOutput.ForPcm(new SegmentCounter(this, (IPcmSink?)aligner ?? joiner, aligner)), cancellationToken);
            _joinedBefore += joiner.SamplesOut;
            Volatile.Write(ref _outputSamples, _pipeline!.OutputSamples);
            return Outcome(RenderStatus.Completed);
        }
        catch (Exception ex) when (SpeechRenderer.Classify(ex, sink.Started, cancellationToken) is { } status)
        {
            _ended = true;
            return Outcome(status, ex);
        }
    }

    /// <summary>Ends the stream: begins the output if no plan had audio, drains and finishes the encoder, ends the output.</summary>
    /// <exception cref="InvalidOperationException">No plan was rendered, or the stream was already completed or cut.</exception>
    public async Task<RenderOutcome> CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_sink is null || _ended)
        {
            throw new InvalidOperationException(_sink is null ? "No plan was rendered." : "The stream was already completed or cut.");
        }

        _ended = true;
        try
        {
            await _sink.StartAsync(cancellationToken);
            await _pipeline!.CompleteAsync(cancellationToken);
            Volatile.Write(ref _outputSamples, _pipeline.OutputSamples);
            var samples = _pipeline.OutputSamples;
            var rate = _first!.OutputSampleRate;
            var instructions = _first.InstructionText is null ? 0 : SpeechUsage.CountCodePoints(_first.InstructionText);
            var usage = new SpeechUsage(_inputTokens + instructions, SpeechUsage.From(string.Empty, null, samples, rate).OutputTokens);
            await _output.EndAsync(new RenderSummary(samples, rate, usage), cancellationToken);
            return Outcome(RenderStatus.Completed);
        }
        catch (Exception ex) when (SpeechRenderer.Classify(ex, _sink.Started, cancellationToken) is { } status)
        {
            return Outcome(status, ex);
        }
    }

    /// <summary>Returns the pipeline's buffers and the encoder's codec state; does not complete the output's writer.</summary>
    public void Dispose()
    {
        _disposed = true;
        _ended = true;
        _pipeline?.Dispose();
        _encoder?.Dispose();
    }

    /// <summary>The sink the plan's joiner writes into: created by the first plan, checked against it for the others.</summary>
    private FirstAudioSink Open(SpeechPlan plan)
    {
        var audio = plan.Backend.AudioFor(plan);
        if (!audio.IsPcm)
        {
            throw new ArgumentException($"Backend '{plan.Backend.Id}' delivers encoded audio, which cannot be continued across plans.", nameof(plan));
        }

        if (_first is not { } first)
        {
            _encoder = AudioEncoderFactory.Create(plan.Format, plan.OutputSampleRate, RenderKey.Of(plan).StreamSerial);
            _pipeline = new AudioPipeline(plan.PipelineSampleRate, plan.ResidualTempo, _encoder, _output.Writer) { Gain = plan.Gain };
            _sink = new FirstAudioSink(_output, _pipeline, _encoder.ContentType);
            _backendRate = audio.SampleRate;
            _first = plan;
            return _sink;
        }

        if (audio.SampleRate != _backendRate || plan.Format != first.Format || plan.OutputSampleRate != first.OutputSampleRate
            || plan.PipelineSampleRate != first.PipelineSampleRate || plan.ResidualTempo != first.ResidualTempo || plan.Gain != first.Gain)
        {
            throw new ArgumentException("A plan continuing a stream must have the first plan's format, rates, tempo and gain.", nameof(plan));
        }

        return _sink!;
    }

    /// <summary>Holds each chunk until its words are placed, then begins the output (if need be) and tells it the words before the chunk's audio.</summary>
    private WordAligner AlignerFor(SpeechPlan plan, SegmentJoiner joiner, FirstAudioSink sink, IWordOutput words)
    {
        var timeline = new WordTimeline(plan, _joinedBefore, (double)_encoder!.PlaybackDelay / _encoder.SampleRate);
        return new WordAligner(joiner, async (placed, cancellationToken) =>
        {
            await sink.StartAsync(cancellationToken);
            await words.WordsAsync(timeline.Place(placed), cancellationToken);
        });
    }

    private RenderOutcome Outcome(RenderStatus status, Exception? failure = null) =>
        new(status, _sink?.Started == true, _pipeline?.OutputSamples ?? 0, _first?.OutputSampleRate ?? 0, status is RenderStatus.Completed or RenderStatus.ClientGone ? null : failure);

    private void SegmentEnded(int segment)
    {
        Volatile.Write(ref _outputSamples, _pipeline!.OutputSamples);
        Volatile.Write(ref _segmentsEnded, segment + 1);
    }

    /// <summary>
    /// Passes the backend's PCM to the plan's joiner (through the word aligner when the plan wants
    /// timestamps) and notes each segment end for <see cref="SegmentsEnded"/>.
    /// </summary>
    private sealed class SegmentCounter(ContinuousRender render, IPcmSink joiner, WordAligner? aligner) : IPcmSink, IWordTimingSink
    {
        public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken) => joiner.WriteAsync(samples, cancellationToken);

        public ValueTask WordAsync(WordTiming word, CancellationToken cancellationToken) =>
            aligner?.WordAsync(word, cancellationToken) ?? ValueTask.CompletedTask;

        // Pooled builder: a segment end that waits on a slow reader does not allocate a state machine box.
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        public async ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken)
        {
            await joiner.EndSegmentAsync(segment, cancellationToken);
            render.SegmentEnded(segment);
        }
    }
}
