using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using static Orator.Server.Api.JsonFieldReader;
using Orator.Speech.Errors;
using Orator.Speech.Requests;

namespace Orator.Server.Api;

/// <summary>
/// Parses <c>POST /v1/audio/normalize</c> bodies with the same strictness as speech requests:
/// <c>input</c> is required; <c>voice</c>, <c>model</c> and <c>normalization</c> are optional;
/// anything else is rejected by name. Never throws.
/// </summary>
internal static class NormalizeRequestParser
{
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Body,
        [NotNullWhen(true)] out NormalizeRequest? request,
        [NotNullWhen(false)] out ApiError? error)
        => JsonObjectBody.TryRead<NormalizeRequest>(utf8Body, SpeechRequestParser.MaxDepth, ReadRequest, out request, out error);

    private static ApiError? ReadRequest(ref Utf8JsonReader reader, out NormalizeRequest? request)
    {
        request = null;
        string? model = null, input = null, voice = null;
        NormalizationSetting? normalization = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = TextEquals(ref reader, "input"u8) ? "input"
                : TextEquals(ref reader, "voice"u8) ? "voice"
                : TextEquals(ref reader, "model"u8) ? "model"
                : TextEquals(ref reader, "normalization"u8) ? NormalizationFieldReader.Name
                : null;
            if (name is null)
            {
                return RequestErrors.UnknownParameter(ReadPropertyName(ref reader));
            }

            if (!seen.Add(name))
            {
                return RequestErrors.DuplicateKey(name, name);
            }

            reader.Read();
            ApiError? fieldError;
            switch (name)
            {
                case "input":
                    fieldError = ReadString(ref reader, name, name, SpeechRequestParser.MaxInputLength, optional: false, out input);
                    break;
                case "model":
                    fieldError = ReadString(ref reader, name, name, SpeechRequestParser.MaxNameLength, optional: true, out model);
                    break;
                case "voice":
                    fieldError = reader.TokenType == JsonTokenType.Null ? null : SpeechRequestParser.ReadVoice(ref reader, out voice);
                    break;
                default:
                    fieldError = NormalizationFieldReader.Read(ref reader, out var setting);
                    normalization = setting;
                    break;
            }

            if (fieldError is not null)
            {
                return fieldError;
            }
        }

        if (input is null)
        {
            return RequestErrors.MissingParameter("input", "input");
        }

        request = new NormalizeRequest
        {
            Input = input,
            Model = string.IsNullOrEmpty(model) ? "tts-1" : model,
            Voice = voice ?? "alloy",
            Normalization = normalization ?? NormalizationSetting.Default,
        };
        return null;
    }
}
