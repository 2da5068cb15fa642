using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Orator.Core.Engines;
using Orator.Engines.Neural.Onnx;

namespace Orator.Engines.Neural.Kokoro;

/// <summary>
/// A Kokoro ONNX export and how to feed it. The kokoro-onnx export takes <c>tokens</c> int64
/// [1, T], <c>style</c> float32 [1, 256] and <c>speed</c> float32 [1]; other exports call the ids
/// <c>input_ids</c> and take <c>speed</c> as int32. Names and element types are read from the
/// session's metadata, so both work; an integer speed input can only say 1, so such a model
/// leaves every other tempo to the time-stretcher. Exports with the predicted durations as a
/// second output (hexgrad's <c>KModelForONNX</c>: <c>duration</c> int64; onnx-community's
/// timestamped export: <c>durations</c> float; others: <c>pred_dur</c>) give them per framed
/// token in frames of <see cref="SamplesPerFrame"/> samples, speed already applied.
/// </summary>
public sealed class KokoroModel : IDisposable
{
    /// <summary>Kokoro's output sample rate.</summary>
    public const int SampleRate = 24_000;

    /// <summary>
    /// Samples per duration frame: the decoder doubles the frames and the iSTFTNet generator
    /// upsamples by 10 x 6 with hop 5 (Kokoro-82M config.json), so 2 x 300 = 600, 25 ms at 24 kHz.
    /// </summary>
    public const int SamplesPerFrame = 600;

    /// <summary>Names of the durations output in the exports that have one.</summary>
    private static readonly string[] s_durationOutputs = ["duration", "durations", "pred_dur"];

    private readonly OnnxModel _model;
    private readonly OnnxInput _tokens;
    private readonly OnnxInput _style;
    private readonly OnnxInput? _speed;

    /// <summary>Opens <paramref name="path"/> and checks it has Kokoro's inputs.</summary>
    public KokoroModel(string path, int intraOpThreads = 0)
    {
        _model = new OnnxModel(path, intraOpThreads, session => s_durationOutputs.FirstOrDefault(session.OutputMetadata.ContainsKey));
        try
        {
            _tokens = OnnxInput.Find(_model.Session, "tokens", "input_ids")
                ?? throw new InvalidDataException($"{path} has no 'tokens' or 'input_ids' input: not a Kokoro model.");
            _style = OnnxInput.Find(_model.Session, "style", "ref_s")
                ?? throw new InvalidDataException($"{path} has no 'style' input: not a Kokoro model.");
            _speed = OnnxInput.Find(_model.Session, "speed");
        }
        catch
        {
            _model.Dispose();
            throw;
        }

        Rates = _speed?.ElementType == TensorElementType.Float ? new RateRange(0.5f, 2f) : new RateRange(1f, 1f);
    }

    /// <summary>The model file.</summary>
    public string Path => _model.Path;

    /// <summary>Name of the id input (<c>tokens</c> or <c>input_ids</c>).</summary>
    public string TokensInput => _tokens.Name;

    /// <summary>Element type of the speed input, or null when the model has none.</summary>
    public TensorElementType? SpeedType => _speed?.ElementType;

    /// <summary>True when the model gives its predicted durations (so words are placed exactly).</summary>
    public bool HasDurations => _model.DurationsOutput is not null;

    /// <summary>Tempos the model produces itself through its speed input.</summary>
    public RateRange Rates { get; }

    /// <summary>
    /// Speaks one chunk: <paramref name="ids"/> (without pads; framed here as [0, ids..., 0]),
    /// the style row for its length, and the speed. <paramref name="consume"/> gets the audio.
    /// </summary>
    public Task<T> RunAsync<T>(long[] ids, KokoroVoicePack voice, float speed, Func<ReadOnlySpan<float>, T> consume, CancellationToken cancellationToken)
    {
        var (names, inputs) = Inputs(ids, voice, speed);
        return _model.RunAsync(names, inputs, consume, cancellationToken);
    }

    /// <summary>
    /// Speaks one chunk as above; <paramref name="consume"/> gets the audio and the durations of the
    /// framed ids (empty when the model has none).
    /// </summary>
    public Task<T> RunAsync<T>(long[] ids, KokoroVoicePack voice, float speed, Func<ReadOnlySpan<float>, FrameDurations, T> consume, CancellationToken cancellationToken)
    {
        var (names, inputs) = Inputs(ids, voice, speed);
        return _model.RunAsync(names, inputs, withDurations: true, consume, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    private (List<string> Names, List<OrtValue> Inputs) Inputs(long[] ids, KokoroVoicePack voice, float speed)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(voice);
        var framed = new long[ids.Length + 2];
        ids.CopyTo(framed, 1);
        var style = voice.StyleFor(ids.Length).ToArray();
        List<string> names = [_tokens.Name, _style.Name];
        List<OrtValue> inputs = [_tokens.Create(framed, [1, framed.Length]), _style.Create(style, [1, KokoroVoicePack.StyleSize])];
        if (_speed is not null)
        {
            names.Add(_speed.Name);
            inputs.Add(_speed.Create([Rates.Clamp(speed)], [1]));
        }

        return (names, inputs);
    }
}
