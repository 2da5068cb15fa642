using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Engines.Neural.Phonemes;

namespace Orator.Engines.Neural.Kokoro;

/// <summary>
/// Kokoro-82M in this process. Each segment is phonemized with espeak-ng in the voice's language,
/// mapped to misaki symbols, tokenized and cut into chunks of at most 510 tokens; each chunk is one
/// model run with the style row for its length. While one segment is being inferred, the next is
/// already being phonemized, so espeak-ng's time hides behind the model's. Words asked for are
/// placed by the model's durations when it gives them, else spread by phoneme counts.
/// </summary>
public sealed class KokoroEngine : ISpeechEngine, IDynamicVoiceSource, IDisposable
{
    /// <summary>The engine id (and model name).</summary>
    public const string EngineId = EngineIds.Kokoro;

    private const int FadeSamples = KokoroModel.SampleRate * 5 / 1000;
    private const int TrimMarginSamples = KokoroModel.SampleRate * 10 / 1000;

    private readonly KokoroModel _model;
    private readonly KokoroVoiceStore _voices;
    private readonly KokoroVocabulary _vocabulary;
    private readonly KokoroTokenizer _tokenizer;
    private readonly IPhonemizer _phonemizer;

    /// <summary>Creates the engine over an opened model, its voices, vocabulary and a phonemizer.</summary>
    public KokoroEngine(KokoroModel model, KokoroVoiceStore voices, KokoroVocabulary vocabulary, IPhonemizer phonemizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(voices);
        _model = model;
        _voices = voices;
        _vocabulary = vocabulary;
        _tokenizer = new KokoroTokenizer(vocabulary);
        _phonemizer = phonemizer;
        Voices = [.. voices.Names.Select(n => VoiceFor(n, n)).OfType<EngineVoice>()];
    }

    /// <inheritdoc />
    public string Id => EngineId;

    /// <inheritdoc />
    public IReadOnlyList<EngineVoice> Voices { get; }

    /// <summary>The model file in use.</summary>
    public string ModelPath => _model.Path;

    /// <inheritdoc />
    public EngineVoice? FindVoice(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _voices.Accepts(name) && VoiceBlend.TryParse(name, out var parts) ? VoiceFor(name, parts[0].Name) : null;
    }

    /// <inheritdoc />
    public async Task SynthesizeAsync(SynthesisRequest request, IPcmSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        // The voice's listed language unless the plan chose another (lang_code): then its tag names it.
        var language = KokoroLanguage.OfTag(request.Voice.Language) ?? LanguageOf(request.Voice.NativeName);
        var voice = _voices.Get(request.Voice.NativeName);
        var speed = request.Prosody.Rate;
        var next = Prepare(request.Segments[0], language, cancellationToken);
        for (var segment = 0; segment < request.Segments.Count; segment++)
        {
            var chunks = await next;
            if (segment + 1 < request.Segments.Count)
            {
                next = Prepare(request.Segments[segment + 1], language, cancellationToken);
            }

            var wordSink = request.Words ? sink as IWordTimingSink : null;
            var durations = wordSink is not null && _model.HasDurations ? Durations(request.Segments[segment], language, chunks) : null;
            var spread = wordSink is not null && durations is null
                ? NeuralWordSpread.Create(request.Segments[segment], _phonemizer, language.Espeak, [.. chunks.Select(c => c.Length)])
                : null;
            long written = 0;
            for (var c = 0; c < chunks.Count; c++)
            {
                // Fades only where two chunks of one segment meet: segment edges belong to the joiner.
                var fadeIn = c > 0 ? FadeSamples : 0;
                var fadeOut = c + 1 < chunks.Count ? FadeSamples : 0;
                var chunk = c;
                using var pcm = durations is null
                    ? await _model.RunAsync(chunks[c], voice, speed, audio => PcmChunk.From(audio, TrimMarginSamples, fadeIn, fadeOut), cancellationToken)
                    : await _model.RunAsync(chunks[c], voice, speed, (audio, frames) =>
                    {
                        durations.Measure(chunk, frames, audio.Length);
                        return PcmChunk.From(audio, TrimMarginSamples, fadeIn, fadeOut);
                    }, cancellationToken);
                if (durations is not null)
                {
                    await durations.ReportChunkAsync(wordSink!, segment, c, written, pcm.Start, pcm.Length, cancellationToken);
                }
                else if (spread is not null)
                {
                    await spread.ReportChunkAsync(wordSink!, segment, c, written, pcm.Length, cancellationToken);
                }

                written += pcm.Length;
                await sink.WriteAsync(pcm.Samples, cancellationToken);
            }

            await sink.EndSegmentAsync(segment, cancellationToken);
        }
    }

    /// <summary>Phonemes to token chunks for one segment, run off the request's thread.</summary>
    public Task<List<long[]>> Prepare(string text, KokoroLanguage language, CancellationToken cancellationToken) =>
        Task.Run(() => Tokenize(text, language), cancellationToken);

    /// <summary>Phonemizes, maps and chunks <paramref name="text"/> (synchronously).</summary>
    public List<long[]> Tokenize(string text, KokoroLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var ipa = _phonemizer.Phonemize(text, language.Espeak);
        return _tokenizer.Chunk(MisakiMapping.Apply(ipa, language));
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    /// <summary>Words placed by durations: each chunk token is one phoneme at its framed position (after the leading pad).</summary>
    private NeuralWordDurations Durations(string text, KokoroLanguage language, List<long[]> chunks)
    {
        var units = new PhonemeUnit[chunks.Count][];
        var framed = new int[chunks.Count];
        for (var c = 0; c < chunks.Count; c++)
        {
            var ids = chunks[c];
            units[c] = new PhonemeUnit[ids.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                units[c][i] = new PhonemeUnit(_vocabulary.KindOf(ids[i]), i + 1, i + 2);
            }

            framed[c] = ids.Length + 2;
        }

        return NeuralWordDurations.Create(text, _phonemizer, language.Espeak, ipa => Sounds(ipa, language), units, framed, KokoroModel.SamplesPerFrame, minFrames: 1);
    }

    /// <summary>The sounds of a word's IPA as the model's tokens count them (after the misaki mapping).</summary>
    private int Sounds(string ipa, KokoroLanguage language)
    {
        var count = 0;
        foreach (var id in _tokenizer.Tokenize(MisakiMapping.Apply(ipa, language)))
        {
            count += _vocabulary.KindOf(id) == PhonemeKind.Sound ? 1 : 0;
        }

        return count;
    }

    private static KokoroLanguage LanguageOf(string voice)
    {
        var first = VoiceBlend.TryParse(voice, out var parts) ? parts[0].Name : voice;
        return KokoroLanguage.Of(first) ?? throw new ArgumentException($"Kokoro voice '{voice}' has no known language prefix.", nameof(voice));
    }

    private EngineVoice? VoiceFor(string name, string first)
    {
        var language = KokoroLanguage.Of(first);
        if (language is null)
        {
            return null;
        }

        var gender = first.Length > 1 ? char.ToLowerInvariant(first[1]) switch { 'f' => VoiceGender.Female, 'm' => VoiceGender.Male, _ => VoiceGender.Unknown } : VoiceGender.Unknown;
        var display = name.Contains('_', StringComparison.Ordinal) && !name.Contains('+', StringComparison.Ordinal) ? Capitalize(name[(name.IndexOf('_', StringComparison.Ordinal) + 1)..]) : name;
        return new EngineVoice(EngineId, name, language.Tag, gender, KokoroModel.SampleRate, _model.Rates, $"Kokoro {display}", NativePitch: false);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
