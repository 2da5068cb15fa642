using Microsoft.ML.OnnxRuntime;
using Orator.Engines.Neural.Onnx;

namespace Orator.Engines.Neural.Piper;

/// <summary>
/// One Piper voice: its ONNX model and config. Inputs <c>input</c> int64 [1, N],
/// <c>input_lengths</c> int64 [1], <c>scales</c> float32 [3] (noise, length, noise width) and, for
/// multi-speaker voices, <c>sid</c> int64 [1]; the output holds the samples whatever its rank.
/// A voice patched with piper1-gpl's <c>patch_voice_with_alignment</c> has a second output, the
/// model's <c>w_ceil</c> (float [1, 1, N]: frames of <see cref="PiperVoiceConfig.HopLength"/>
/// samples per id, length scale applied), under whatever name the export gave that tensor.
/// </summary>
public sealed class PiperVoice : IDisposable
{
    private readonly OnnxModel _model;
    private readonly OnnxInput _input;
    private readonly OnnxInput _lengths;
    private readonly OnnxInput _scales;
    private readonly OnnxInput? _speaker;

    /// <summary>Opens <paramref name="modelPath"/> with the config read from <paramref name="configPath"/>.</summary>
    public PiperVoice(string name, string modelPath, string configPath, int intraOpThreads = 0)
    {
        Name = name;
        using (var json = File.OpenRead(configPath))
        {
            Config = PiperVoiceConfig.Parse(json);
        }

        Tokenizer = new PiperTokenizer(Config);
        _model = new OnnxModel(modelPath, intraOpThreads, session => session.OutputNames.Count > 1 ? session.OutputNames[1] : null);
        try
        {
            _input = OnnxInput.Find(_model.Session, "input") ?? throw new InvalidDataException($"{modelPath} has no 'input' input: not a Piper voice.");
            _lengths = OnnxInput.Find(_model.Session, "input_lengths") ?? throw new InvalidDataException($"{modelPath} has no 'input_lengths' input: not a Piper voice.");
            _scales = OnnxInput.Find(_model.Session, "scales") ?? throw new InvalidDataException($"{modelPath} has no 'scales' input: not a Piper voice.");
            _speaker = OnnxInput.Find(_model.Session, "sid");
        }
        catch
        {
            _model.Dispose();
            throw;
        }
    }

    /// <summary>The voice's name (file name without <c>.onnx</c>).</summary>
    public string Name { get; }

    /// <summary>The voice's config.</summary>
    public PiperVoiceConfig Config { get; }

    /// <summary>Its phoneme-to-id mapping.</summary>
    public PiperTokenizer Tokenizer { get; }

    /// <summary>True when the model takes a speaker id.</summary>
    public bool IsMultiSpeaker => _speaker is not null && Config.SpeakerCount > 1;

    /// <summary>True when the model gives its per-id durations (so words are placed exactly).</summary>
    public bool HasDurations => _model.DurationsOutput is not null;

    /// <summary>The speaker id for a speaker name or number, or null when the voice has no such speaker.</summary>
    public long? SpeakerId(string speaker)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        if (!IsMultiSpeaker)
        {
            return null;
        }

        if (Config.Speakers.TryGetValue(speaker, out var id))
        {
            return id;
        }

        return long.TryParse(speaker, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number < Config.SpeakerCount ? number : null;
    }

    /// <summary>Speaks framed <paramref name="ids"/> at <paramref name="speed"/> with speaker <paramref name="speakerId"/>.</summary>
    public Task<T> RunAsync<T>(long[] ids, float speed, long speakerId, Func<ReadOnlySpan<float>, T> consume, CancellationToken cancellationToken)
    {
        var (names, inputs) = Inputs(ids, speed, speakerId);
        return _model.RunAsync(names, inputs, consume, cancellationToken);
    }

    /// <summary>Speaks as above; <paramref name="consume"/> also gets the durations of the ids (empty when the model has none).</summary>
    public Task<T> RunAsync<T>(long[] ids, float speed, long speakerId, Func<ReadOnlySpan<float>, FrameDurations, T> consume, CancellationToken cancellationToken)
    {
        var (names, inputs) = Inputs(ids, speed, speakerId);
        return _model.RunAsync(names, inputs, withDurations: true, consume, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    private (List<string> Names, List<OrtValue> Inputs) Inputs(long[] ids, float speed, long speakerId)
    {
        ArgumentNullException.ThrowIfNull(ids);
        List<string> names = [_input.Name, _lengths.Name, _scales.Name];
        List<OrtValue> inputs =
        [
            _input.Create(ids, [1, ids.Length]),
            _lengths.Create([ids.Length], [1]),
            _scales.Create([Config.NoiseScale, Config.LengthScale / speed, Config.NoiseW], [3]),
        ];
        if (_speaker is not null)
        {
            names.Add(_speaker.Name);
            inputs.Add(_speaker.Create([speakerId], [1]));
        }

        return (names, inputs);
    }
}
