using Orator.Audio.Encoding;
using Orator.Core.Audio;
using Orator.Speech.Backends;
using Orator.Speech.Catalog;
using Orator.Speech.Configuration;
using Orator.Speech.Errors;
using Orator.Speech.Requests;
using Orator.Text;
using Orator.Text.Pronunciation;

namespace Orator.Speech.Planning;

/// <summary>
/// Turns a request into a plan, or into the 4xx that says why it cannot be spoken: one model
/// lookup, voice resolution, format availability, normalization, pronunciation, splitting and
/// the pause rules, in that order. Pure: no audio is made and nothing waits.
/// </summary>
public sealed class SpeechPlanner
{
    private static readonly SentenceSplitter Splitter = new();

    // A piece that continues a longer text is not its start: its first chunk need not be short.
    private static readonly SentenceSplitter ContinuationSplitter =
        new(SplitterOptions.Default with { FirstChunkMaxCharacters = SplitterOptions.Default.MaxChunkCharacters });

    private readonly Func<VoiceCatalog> _catalog;
    private readonly SpeechTextPreparer _preparer;
    private readonly PauseOptions _pauses;
    private readonly ISpeechBackend _local;

    /// <summary>Creates a planner.</summary>
    /// <param name="catalog">The catalog in force (read once per plan: models can be reloaded meanwhile).</param>
    /// <param name="preparer">Pronunciation overrides, lexicon and normalization.</param>
    /// <param name="pauses">The configured pauses.</param>
    /// <param name="local">The backend of the engines on this machine.</param>
    public SpeechPlanner(Func<VoiceCatalog> catalog, SpeechTextPreparer preparer, PauseOptions pauses, ISpeechBackend local)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _preparer = preparer ?? throw new ArgumentNullException(nameof(preparer));
        _pauses = pauses ?? throw new ArgumentNullException(nameof(pauses));
        _local = local ?? throw new ArgumentNullException(nameof(local));
    }

    /// <summary>The catalog in force now.</summary>
    public VoiceCatalog Catalog => _catalog();

    /// <summary>The model a request names (aliases included), or null when there is none.</summary>
    public SpeechModel? FindModel(string name) => _catalog().FindModel(name);

    /// <summary>Plans <paramref name="request"/>, looking its model up.</summary>
    public PlanResult<SpeechPlan> Plan(SpeechRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Plan(request, FindModel(request.Model));
    }

    /// <summary>Plans <paramref name="request"/> with the model already looked up (null = not found).</summary>
    public PlanResult<SpeechPlan> Plan(SpeechRequest request, SpeechModel? model)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = PlanText(_catalog(), model, request.Model, request.Voice, request.LangCode, request.Input, request.Normalization, request.Piece?.FollowsEarlierText == true, request.Timestamps);
        if (text.Plan is not { } textPlan)
        {
            return PlanResult.Refused<SpeechPlan>(text.Error!);
        }

        if (AudioEncoderFactory.ProblemFor(request.ResponseFormat) is { } problem)
        {
            return PlanResult.Refused<SpeechPlan>(FormatUnavailable(request.ResponseFormat, problem));
        }

        if (request.SampleRate is { } rate && !AudioFormats.AllowsSampleRate(request.ResponseFormat, rate))
        {
            return PlanResult.Refused<SpeechPlan>(SampleRateUnavailable(request.ResponseFormat, rate));
        }

        var instructions = InstructionInterpreter.Interpret(request.Instructions);
        var split = ProsodySplit.For(textPlan.Voice, request.Speed, instructions);
        return PlanResult.Planned(new SpeechPlan
        {
            Model = textPlan.Model,
            Voice = textPlan.Voice,
            Backend = _local,
            Input = request.Input,
            InstructionText = request.Instructions,
            Spoken = textPlan.Spoken,
            PausesAfter = PauseRules.For(textPlan.Spoken.Chunks, _pauses, instructions.PauseScale, split.Engine.Rate, request.Piece?.BreakAfter ?? ChunkBreak.End),
            Format = request.ResponseFormat,
            StreamFormat = request.StreamFormat,
            EngineProsody = split.Engine,
            ResidualTempo = split.ResidualTempo,
            Instructions = instructions,
            PipelineSampleRate = split.PipelineSampleRate,
            OutputSampleRate = request.SampleRate ?? AudioEncoderFactory.OutputSampleRate,
            VolumeMultiplier = (float)request.VolumeMultiplier,
            Timestamps = request.Timestamps,
        });
    }

    /// <summary>Plans only the text of <paramref name="request"/>: what <c>/v1/audio/normalize</c> shows.</summary>
    public PlanResult<TextPlan> PlanText(NormalizeRequest request, SpeechModel? model)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PlanText(_catalog(), model, request.Model, request.Voice, langCode: null, request.Input, request.Normalization, followsEarlierText: false, mapped: false);
    }

    private PlanResult<TextPlan> PlanText(VoiceCatalog catalog, SpeechModel? model, string modelName, string voiceName, string? langCode, string input, NormalizationSetting normalization, bool followsEarlierText, bool mapped)
    {
        if (model is null)
        {
            return PlanResult.Refused<TextPlan>(ApiError.ModelNotFound(modelName));
        }

        if (catalog.Resolve(model, voiceName) is not { } voice)
        {
            return PlanResult.Refused<TextPlan>(ApiError.VoiceNotFound(voiceName, model.Id));
        }

        if (langCode is not null)
        {
            // Before normalization: English text is normalized only for a voice that speaks English.
            var (chosen, refused) = LanguageChoice.Apply(voice, langCode);
            if (chosen is null)
            {
                return PlanResult.Refused<TextPlan>(refused!);
            }

            voice = chosen;
        }

        // Overrides and the lexicon apply to every voice; numbers and symbols are normalized for English voices only.
        var normalizer = SpokenInput.NormalizerFor(voice.Voice.Language, normalization);
        var splitter = followsEarlierText ? ContinuationSplitter : Splitter;
        SpokenText spoken;
        if (mapped)
        {
            var prepared = _preparer.PrepareMapped(input, normalizer);
            spoken = new SpokenText(prepared.Text, splitter.Split(prepared.Text), normalizer?.Locale) { Map = prepared.Map };
        }
        else
        {
            var text = _preparer.Prepare(input, normalizer);
            spoken = new SpokenText(text, splitter.Split(text), normalizer?.Locale);
        }

        return PlanResult.Planned(new TextPlan(model, voice, input, spoken));
    }

    /// <summary>The 400 for a <c>sample_rate</c> that <paramref name="format"/> cannot have, listing the ones it can.</summary>
    /// <param name="format">The audio format.</param>
    /// <param name="rate">The rate asked for.</param>
    /// <param name="formatField">The field that named the format: <c>response_format</c>, or <c>audio_format</c> on captions.</param>
    public static ApiError SampleRateUnavailable(AudioFormat format, int rate, string formatField = "response_format")
    {
        var allowed = AudioFormats.Of(format).SampleRates;
        var name = AudioFormats.NameOf(format);
        var choice = allowed.Count == 0
            ? $"{formatField} '{name}' is always {AudioFormats.DefaultSampleRate} Hz: leave sample_rate out, or use {string.Join(", ", AudioFormats.All.Where(f => f.SampleRates.Count > 0).Select(f => f.Name))}."
            : $"Supported values for {formatField} '{name}' are: {string.Join(", ", allowed)}.";
        return ApiError.InvalidRequest(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Invalid value for 'sample_rate': {rate}. {choice}"),
            "sample_rate",
            "invalid_value");
    }

    private static ApiError FormatUnavailable(AudioFormat format, string problem)
    {
        var supported = string.Join(", ", AudioEncoderFactory.SupportedFormats.Select(AudioFormats.NameOf));
        return ApiError.InvalidRequest(
            $"response_format '{AudioFormats.NameOf(format)}' is not available on this server: {problem} Available formats: {supported}.",
            "response_format");
    }
}
