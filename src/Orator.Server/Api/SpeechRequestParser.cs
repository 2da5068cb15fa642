using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Orator.Core.Audio;
using Orator.Server.Hosting;
using static Orator.Server.Api.JsonFieldReader;
using Orator.Speech.Captions;
using Orator.Speech.Catalog;
using Orator.Speech.Errors;
using Orator.Speech.Planning;
using Orator.Speech.Requests;

namespace Orator.Server.Api;

/// <summary>
/// Turns a <c>POST /v1/audio/speech</c> body into a <see cref="SpeechRequest"/> or the precise
/// OpenAI-shaped 400 that says what is wrong. Strict: duplicate keys and wrong types are errors,
/// unknown fields too unless the policy is <see cref="UnknownFieldPolicy.Ignore"/> (then they are
/// skipped and named), and the first problem in document order is the one reported. Reads the
/// bytes with <see cref="Utf8JsonReader"/> and never throws.
/// </summary>
internal static class SpeechRequestParser
{
    /// <summary>The most code points <c>input</c> may hold.</summary>
    public const int MaxInputLength = SpeechRequest.MaxApiInputLength;

    /// <summary>The most code points <c>instructions</c> may hold.</summary>
    public const int MaxInstructionsLength = 4096;

    /// <summary>The most code points a model or voice name may hold.</summary>
    public const int MaxNameLength = 256;

    /// <summary>The slowest speed accepted.</summary>
    public const double MinSpeed = SpeechRequest.MinSpeed;

    /// <summary>The fastest speed accepted.</summary>
    public const double MaxSpeed = SpeechRequest.MaxSpeed;

    /// <summary>The deepest object/array nesting accepted; a valid request needs 2.</summary>
    public const int MaxDepth = 16;

    private static readonly (string Wire, AudioFormat Value)[] ResponseFormats =
        [.. AudioFormats.All.Select(f => (f.Name, f.Format))];

    private static readonly (string Wire, CaptionFormat Value)[] CaptionFormatChoices =
        [.. CaptionFormats.All.Select(f => (CaptionFormats.Name(f), f))];

    private static readonly (string Wire, SpeechStreamFormat Value)[] StreamFormats =
    [
        ("audio", SpeechStreamFormat.Audio),
        ("sse", SpeechStreamFormat.Sse),
    ];

    [Flags]
    private enum Field
    {
        None = 0,
        Model = 1,
        Input = 2,
        Voice = 4,
        Instructions = 8,
        ResponseFormat = 16,
        Speed = 32,
        StreamFormat = 64,
        Normalization = 128,
        SampleRate = 256,
        Stream = 512,
        VolumeMultiplier = 1024,
        LangCode = 2048,
        NormalizationOptions = 4096,
        ReturnDownloadLink = 8192,
        DownloadFormat = 16384,
        Timestamps = 32768,
        ReturnTimestamps = 65536,
        AudioFormat = 131072,
    }

    // Fields only Orator's own engines act on: an upstream is not sent them (SpeechBody.UpstreamIgnored).
    private const Field LocalOnly = Field.Normalization | Field.SampleRate | Field.VolumeMultiplier | Field.LangCode | Field.NormalizationOptions;

    // Fields accepted for compatibility and never acted on.
    private const Field NeverActedOn = Field.ReturnDownloadLink | Field.DownloadFormat;

    /// <summary>Parses a UTF-8 JSON body (a leading byte order mark is allowed), rejecting unknown fields.</summary>
    /// <returns>True with <paramref name="request"/> set, or false with <paramref name="error"/> set.</returns>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Body,
        [NotNullWhen(true)] out SpeechRequest? request,
        [NotNullWhen(false)] out ApiError? error)
    {
        var parsed = TryParse(utf8Body, UnknownFieldPolicy.Reject, [], out var body, out error);
        request = body?.Request;
        return parsed;
    }

    /// <summary>Parses a UTF-8 JSON body under <paramref name="policy"/>.</summary>
    /// <param name="utf8Body">The body; a leading byte order mark is allowed.</param>
    /// <param name="policy">What unknown fields earn.</param>
    /// <param name="ignored">
    /// Receives the name of each field accepted but not acted on, in body order; on an error, those
    /// before the problem (the response names them too).
    /// </param>
    /// <param name="body">The parsed body.</param>
    /// <param name="error">The 400 to answer with.</param>
    /// <returns>True with <paramref name="body"/> set, or false with <paramref name="error"/> set.</returns>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Body,
        UnknownFieldPolicy policy,
        List<string> ignored,
        [NotNullWhen(true)] out SpeechBody? body,
        [NotNullWhen(false)] out ApiError? error) =>
        TryParse(utf8Body, SpeechBodyKind.Speech, policy, ignored, out body, out error);

    /// <summary>Parses a UTF-8 JSON body sent to the endpoint <paramref name="kind"/> names, under <paramref name="policy"/>.</summary>
    /// <inheritdoc cref="TryParse(ReadOnlySpan{byte}, UnknownFieldPolicy, List{string}, out SpeechBody?, out ApiError?)"/>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Body,
        SpeechBodyKind kind,
        UnknownFieldPolicy policy,
        List<string> ignored,
        [NotNullWhen(true)] out SpeechBody? body,
        [NotNullWhen(false)] out ApiError? error)
    {
        ArgumentNullException.ThrowIfNull(ignored);
        return JsonObjectBody.TryRead(
            utf8Body,
            MaxDepth,
            (ref Utf8JsonReader reader, out SpeechBody? value) => ReadRequest(ref reader, kind, policy, ignored, out value),
            out body,
            out error);
    }

    private static ApiError? ReadRequest(ref Utf8JsonReader reader, SpeechBodyKind kind, UnknownFieldPolicy policy, List<string> ignored, out SpeechBody? body)
    {
        body = null;
        string? model = null, input = null, voice = null, instructions = null, langCode = null;
        var format = AudioFormat.Mp3;
        var speed = 1.0;
        var volume = 1.0;
        var streamFormat = SpeechStreamFormat.Audio;
        var normalization = NormalizationSetting.Default;
        NormalizationSetting? kokoroNormalization = null;
        int? sampleRate = null;
        bool stream = true, returnDownloadLink = false, timestamps = false, returnTimestamps = true;
        var captionFormat = CaptionFormat.Json;
        var audioFormat = AudioFormat.Mp3;
        var downloadFormat = AudioFormat.Mp3;
        var seen = Field.None;
        // What an upstream would leave unused, in body order: the ignored fields and the local-only ones.
        var upstreamIgnored = new List<string>();

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Identify(ref reader);
            if (!Accepts(kind, field))
            {
                field = Field.None;
            }

            if (field == Field.None)
            {
                var unknown = ReadPropertyName(ref reader);
                if (policy == UnknownFieldPolicy.Reject)
                {
                    return RequestErrors.UnknownParameter(unknown);
                }

                ignored.Add(unknown);
                upstreamIgnored.Add(unknown);
                reader.Skip();
                continue;
            }

            var name = NameOf(field);
            if ((seen & field) != 0)
            {
                return RequestErrors.DuplicateKey(name, name);
            }

            seen |= field;
            if ((field & (LocalOnly | NeverActedOn)) != 0)
            {
                upstreamIgnored.Add(name);
            }

            if ((field & NeverActedOn) != 0)
            {
                // Accepted so that Kokoro-FastAPI scripts work, but Orator keeps no files to link to.
                ignored.Add(name);
            }

            reader.Read();
            var fieldError = field switch
            {
                Field.Model => ReadString(ref reader, name, name, MaxNameLength, optional: false, out model),
                Field.Input => ReadString(ref reader, name, name, MaxInputLength, optional: false, out input),
                Field.Voice => ReadVoice(ref reader, out voice),
                Field.Instructions => ReadString(ref reader, name, name, MaxInstructionsLength, optional: true, out instructions),
                Field.ResponseFormat when kind == SpeechBodyKind.Captions => ReadChoice(ref reader, name, CaptionFormatChoices, ref captionFormat),
                Field.ResponseFormat => ReadChoice(ref reader, name, ResponseFormats, ref format),
                Field.AudioFormat => ReadChoice(ref reader, name, ResponseFormats, ref audioFormat),
                Field.Timestamps => ReadBoolean(ref reader, name, name, ref timestamps),
                Field.ReturnTimestamps => ReadBoolean(ref reader, name, name, ref returnTimestamps),
                Field.Speed => ReadNumber(ref reader, name, MinSpeed, MaxSpeed, ref speed),
                Field.Normalization => NormalizationFieldReader.Read(ref reader, out normalization),
                Field.SampleRate => ReadInteger(ref reader, name, out sampleRate),
                Field.Stream => ReadBoolean(ref reader, name, name, ref stream),
                Field.VolumeMultiplier => ReadNumber(ref reader, name, SpeechRequest.MinVolumeMultiplier, SpeechRequest.MaxVolumeMultiplier, ref volume),
                Field.LangCode => ReadString(ref reader, name, name, LanguageChoice.MaxLength, optional: true, out langCode),
                Field.NormalizationOptions => NormalizationOptionsReader.Read(ref reader, policy, ignored, out kokoroNormalization),
                Field.ReturnDownloadLink => ReadBoolean(ref reader, name, name, ref returnDownloadLink),
                Field.DownloadFormat => ReadChoice(ref reader, name, ResponseFormats, ref downloadFormat),
                _ => ReadChoice(ref reader, name, StreamFormats, ref streamFormat),
            };
            if (fieldError is not null)
            {
                return fieldError;
            }
        }

        if (model is null)
        {
            return RequestErrors.MissingParameter("model", "model");
        }

        if (input is null)
        {
            return RequestErrors.MissingParameter("input", "input");
        }

        if (voice is null)
        {
            return RequestErrors.MissingParameter("voice", "voice");
        }

        if (kind == SpeechBodyKind.Captions)
        {
            // The captions go with the audio this would render: its codec's delay shifts them.
            format = audioFormat;
            if (streamFormat == SpeechStreamFormat.Sse)
            {
                return ApiError.InvalidRequest(
                    "Invalid value for 'stream_format': 'sse'. /v1/audio/captions returns the captions alone; for audio with words events use /v1/audio/speech with stream_format 'sse' and timestamps true.",
                    "stream_format",
                    "invalid_value");
            }
        }

        if (kind == SpeechBodyKind.CaptionedSpeech && streamFormat == SpeechStreamFormat.Sse)
        {
            // Kokoro-FastAPI's body is its own: lines of JSON with the audio and the words, never events.
            return ApiError.InvalidRequest(
                "Invalid value for 'stream_format': 'sse'. /dev/captioned_speech answers with JSON (one object per line while streaming); for audio with words events use /v1/audio/speech with stream_format 'sse' and timestamps true.",
                "stream_format",
                "invalid_value");
        }

        if (timestamps && streamFormat != SpeechStreamFormat.Sse)
        {
            return ApiError.InvalidRequest(
                "'timestamps' needs stream_format 'sse': the words are sent as speech.audio.words events beside the audio. For captions alone use /v1/audio/captions; for JSON chunks of audio and words, /dev/captioned_speech.",
                "timestamps",
                "invalid_value");
        }

        // Checked whichever backend serves the request, once the format is known (it may come later in the body).
        if (sampleRate is { } rate && !AudioFormats.AllowsSampleRate(format, rate))
        {
            return SpeechPlanner.SampleRateUnavailable(format, rate, kind == SpeechBodyKind.Captions ? "audio_format" : "response_format");
        }

        if (!stream && streamFormat == SpeechStreamFormat.Sse)
        {
            return ApiError.InvalidRequest(
                "Invalid value for 'stream': false asks for the whole file in one response, which stream_format 'sse' cannot be. Use stream_format 'audio' with stream false, or leave stream out.",
                "stream",
                "invalid_value");
        }

        if ((seen & (Field.Normalization | Field.NormalizationOptions)) == (Field.Normalization | Field.NormalizationOptions))
        {
            return ApiError.InvalidRequest(
                "Give either 'normalization' (Orator's) or 'normalization_options' (Kokoro-FastAPI's), not both.",
                NormalizationOptionsReader.Name,
                "invalid_value");
        }

        var request = new SpeechRequest
        {
            Model = model,
            Input = input,
            Voice = voice,
            Instructions = string.IsNullOrEmpty(instructions) ? null : instructions,
            ResponseFormat = format,
            Speed = speed,
            StreamFormat = streamFormat,
            Normalization = kokoroNormalization ?? normalization,
            SampleRate = sampleRate,
            VolumeMultiplier = volume,
            LangCode = string.IsNullOrEmpty(langCode) ? null : langCode,
            Timestamps = kind switch
            {
                SpeechBodyKind.Captions => true,
                SpeechBodyKind.CaptionedSpeech => returnTimestamps,
                _ => timestamps,
            },
        };
        body = new SpeechBody(request, [.. ignored], upstreamIgnored, Buffered: !stream && kind != SpeechBodyKind.Captions)
        {
            Kind = kind,
            CaptionFormat = captionFormat,
            ReturnTimestamps = returnTimestamps,
        };
        return null;
    }

    // A voice is a name, or {"id": "..."} for a custom voice; both end up as the one string,
    // and every problem with it is blamed on the "voice" param.
    internal static ApiError? ReadVoice(ref Utf8JsonReader reader, out string? voice)
    {
        voice = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            return ReadString(ref reader, "voice", "voice", MaxNameLength, optional: false, out voice);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return RequestErrors.InvalidType("voice", "voice", "a string or an object with an 'id'", reader.TokenType);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TextEquals(ref reader, "id"u8))
            {
                return RequestErrors.UnknownParameter("voice." + ReadPropertyName(ref reader), "voice");
            }

            if (voice is not null)
            {
                return RequestErrors.DuplicateKey("voice.id", "voice");
            }

            reader.Read();
            var idError = ReadString(ref reader, "voice.id", "voice", MaxNameLength, optional: false, out voice);
            if (idError is not null)
            {
                return idError;
            }
        }

        return voice is not null ? null : RequestErrors.MissingParameter("voice.id", "voice");
    }

    private static Field Identify(ref Utf8JsonReader reader) =>
        TextEquals(ref reader, "model"u8) ? Field.Model
        : TextEquals(ref reader, "input"u8) ? Field.Input
        : TextEquals(ref reader, "voice"u8) ? Field.Voice
        : TextEquals(ref reader, "instructions"u8) ? Field.Instructions
        : TextEquals(ref reader, "response_format"u8) ? Field.ResponseFormat
        : TextEquals(ref reader, "speed"u8) ? Field.Speed
        : TextEquals(ref reader, "stream_format"u8) ? Field.StreamFormat
        : TextEquals(ref reader, "normalization"u8) ? Field.Normalization
        : TextEquals(ref reader, "sample_rate"u8) ? Field.SampleRate
        : TextEquals(ref reader, "stream"u8) ? Field.Stream
        : TextEquals(ref reader, "volume_multiplier"u8) ? Field.VolumeMultiplier
        : TextEquals(ref reader, "lang_code"u8) ? Field.LangCode
        : TextEquals(ref reader, "normalization_options"u8) ? Field.NormalizationOptions
        : TextEquals(ref reader, "return_download_link"u8) ? Field.ReturnDownloadLink
        : TextEquals(ref reader, "download_format"u8) ? Field.DownloadFormat
        : TextEquals(ref reader, "timestamps"u8) ? Field.Timestamps
        : TextEquals(ref reader, "return_timestamps"u8) ? Field.ReturnTimestamps
        : TextEquals(ref reader, "audio_format"u8) ? Field.AudioFormat
        : Field.None;

    // Each endpoint's own fields; elsewhere they are unknown fields like any other.
    private static bool Accepts(SpeechBodyKind kind, Field field) => field switch
    {
        Field.Timestamps => kind == SpeechBodyKind.Speech,
        Field.ReturnTimestamps => kind == SpeechBodyKind.CaptionedSpeech,
        Field.AudioFormat => kind == SpeechBodyKind.Captions,
        _ => true,
    };

    private static string NameOf(Field field) => field switch
    {
        Field.Model => "model",
        Field.Input => "input",
        Field.Voice => "voice",
        Field.Instructions => "instructions",
        Field.ResponseFormat => "response_format",
        Field.Speed => "speed",
        Field.Normalization => NormalizationFieldReader.Name,
        Field.SampleRate => "sample_rate",
        Field.Stream => "stream",
        Field.VolumeMultiplier => "volume_multiplier",
        Field.LangCode => "lang_code",
        Field.NormalizationOptions => NormalizationOptionsReader.Name,
        Field.ReturnDownloadLink => "return_download_link",
        Field.DownloadFormat => "download_format",
        Field.Timestamps => "timestamps",
        Field.ReturnTimestamps => "return_timestamps",
        Field.AudioFormat => "audio_format",
        _ => "stream_format",
    };
}
