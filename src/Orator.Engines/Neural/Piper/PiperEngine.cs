using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Engines.Neural.Phonemes;

namespace Orator.Engines.Neural.Piper;

/// <summary>
/// Piper voices in this process: one model run per segment. A voice is named by its file name
/// (<c>en_US-lessac-medium</c>); a multi-speaker voice's speakers are <c>voice#speaker</c>, the
/// speaker given by its name in the voice's speaker_id_map or its number. A voice without a
/// speaker speaks as speaker 0. Words asked for are placed by the model's durations when the voice
/// gives them (an alignment-patched voice), else spread by phoneme counts.
/// </summary>
public sealed class PiperEngine : ISpeechEngine, IDynamicVoiceSource, IDisposable
{
    /// <summary>The engine id (and model name).</summary>
    public const string EngineId = EngineIds.Piper;

    /// <summary>Separates a voice from its speaker.</summary>
    public const char SpeakerSeparator = '#';

    /// <summary>Tempos produced through length_scale.</summary>
    public static readonly RateRange Rates = new(0.5f, 2f);

    private readonly Dictionary<string, PiperVoice> _voices;
    private readonly IPhonemizer _phonemizer;

    /// <summary>Creates the engine over opened voices.</summary>
    public PiperEngine(IEnumerable<PiperVoice> voices, IPhonemizer phonemizer)
    {
        _voices = voices.ToDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);
        _phonemizer = phonemizer;
        Voices = [.. _voices.Values.OrderBy(v => v.Name, StringComparer.Ordinal).Select(v => VoiceOf(v, v.Name))];
    }

    /// <inheritdoc />
    public string Id => EngineId;

    /// <inheritdoc />
    public IReadOnlyList<EngineVoice> Voices { get; }

    /// <summary>The voice models by name.</summary>
    public IReadOnlyCollection<PiperVoice> Models => _voices.Values;

    /// <inheritdoc />
    public EngineVoice? FindVoice(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Split(name) is { } found ? VoiceOf(found.Voice, name) : null;
    }

    /// <inheritdoc />
    public async Task SynthesizeAsync(SynthesisRequest request, IPcmSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        var (voice, speaker) = Split(request.Voice.NativeName) ?? throw new ArgumentException($"Piper has no voice '{request.Voice.NativeName}'.", nameof(request));
        var speed = Rates.Clamp(request.Prosody.Rate);
        var wordSink = request.Words ? sink as IWordTimingSink : null;
        var timed = wordSink is not null && voice.HasDurations;
        var next = Prepare(voice, request.Segments[0], timed, cancellationToken);
        for (var segment = 0; segment < request.Segments.Count; segment++)
        {
            var (ids, units) = await next;
            if (segment + 1 < request.Segments.Count)
            {
                next = Prepare(voice, request.Segments[segment + 1], timed, cancellationToken);
            }

            if (ids.Length > 3)
            {
                var text = request.Segments[segment];
                var margin = voice.Config.SampleRate / 100;
                var durations = units is null ? null
                    : NeuralWordDurations.Create(text, _phonemizer, voice.Config.EspeakVoice, voice.Tokenizer.Sounds, [units], [ids.Length], voice.Config.HopLength, minFrames: 0);
                using var pcm = durations is null
                    ? await voice.RunAsync(ids, speed, speaker, audio => PcmChunk.From(audio, margin, 0, 0), cancellationToken)
                    : await voice.RunAsync(ids, speed, speaker, (audio, frames) =>
                    {
                        durations.Measure(0, frames, audio.Length);
                        return PcmChunk.From(audio, margin, 0, 0);
                    }, cancellationToken);
                if (durations is not null)
                {
                    await durations.ReportChunkAsync(wordSink!, segment, 0, 0, pcm.Start, pcm.Length, cancellationToken);
                }
                else if (wordSink is not null)
                {
                    var spread = NeuralWordSpread.Create(text, _phonemizer, voice.Config.EspeakVoice, [ids.Length]);
                    await spread.ReportChunkAsync(wordSink, segment, 0, 0, pcm.Length, cancellationToken);
                }

                await sink.WriteAsync(pcm.Samples, cancellationToken);
            }

            await sink.EndSegmentAsync(segment, cancellationToken);
        }
    }

    /// <summary>The framed ids for <paramref name="text"/> with <paramref name="voice"/> (synchronously).</summary>
    public long[] Tokenize(PiperVoice voice, string text)
    {
        ArgumentNullException.ThrowIfNull(voice);
        return voice.Tokenizer.Tokenize(_phonemizer.Phonemize(text, voice.Config.EspeakVoice));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var voice in _voices.Values)
        {
            voice.Dispose();
        }
    }

    /// <summary>The framed ids for <paramref name="text"/> and, when <paramref name="withUnits"/>, its phonemes' units; run off the request's thread.</summary>
    private Task<(long[] Ids, PhonemeUnit[]? Units)> Prepare(PiperVoice voice, string text, bool withUnits, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            var units = withUnits ? new List<PhonemeUnit>() : null;
            var ids = voice.Tokenizer.Tokenize(_phonemizer.Phonemize(text, voice.Config.EspeakVoice), units);
            return (ids, units?.ToArray());
        }, cancellationToken);

    private (PiperVoice Voice, long Speaker)? Split(string name)
    {
        var separator = name.IndexOf(SpeakerSeparator, StringComparison.Ordinal);
        var voiceName = separator < 0 ? name : name[..separator];
        if (!_voices.TryGetValue(voiceName, out var voice))
        {
            return null;
        }

        if (separator < 0)
        {
            return (voice, 0);
        }

        return voice.SpeakerId(name[(separator + 1)..]) is { } id ? (voice, id) : null;
    }

    private static EngineVoice VoiceOf(PiperVoice voice, string name)
    {
        var tag = voice.Config.LanguageCode?.Replace('_', '-') ?? voice.Config.EspeakVoice;
        return new EngineVoice(EngineId, name, tag, VoiceGender.Unknown, voice.Config.SampleRate, Rates, $"Piper {name}", NativePitch: false);
    }
}
