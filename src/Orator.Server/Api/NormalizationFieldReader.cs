using System.Text.Json;
using Orator.Text.Normalization;
using static Orator.Server.Api.JsonFieldReader;
using Orator.Speech.Errors;
using Orator.Speech.Requests;

namespace Orator.Server.Api;

/// <summary>
/// Reads the <c>normalization</c> extension: <c>true</c>, <c>false</c>, <c>null</c>, or
/// <c>{"enabled": bool, "locale": "en-US" | "en-GB"}</c> (both optional). Unknown members are
/// rejected by name, like unknown top-level fields.
/// </summary>
internal static class NormalizationFieldReader
{
    /// <summary>The field's name on the wire.</summary>
    public const string Name = "normalization";

    private static readonly (string Wire, EnglishLocale Value)[] Locales =
    [
        ("en-US", EnglishLocale.Us),
        ("en-GB", EnglishLocale.Gb),
    ];

    public static ApiError? Read(ref Utf8JsonReader reader, out NormalizationSetting setting)
    {
        setting = NormalizationSetting.Default;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null or JsonTokenType.True:
                return null;
            case JsonTokenType.False:
                setting = new NormalizationSetting(false, null);
                return null;
            case JsonTokenType.StartObject:
                break;
            default:
                return RequestErrors.InvalidType(Name, Name, "a boolean or an object", reader.TokenType);
        }

        bool enabled = true;
        EnglishLocale? locale = null;
        bool seenEnabled = false, seenLocale = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (TextEquals(ref reader, "enabled"u8))
            {
                if (seenEnabled)
                {
                    return RequestErrors.DuplicateKey("normalization.enabled", Name);
                }

                seenEnabled = true;
                reader.Read();
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null))
                {
                    return RequestErrors.InvalidType("normalization.enabled", Name, "a boolean", reader.TokenType);
                }

                enabled = reader.TokenType != JsonTokenType.False;
            }
            else if (TextEquals(ref reader, "locale"u8))
            {
                if (seenLocale)
                {
                    return RequestErrors.DuplicateKey("normalization.locale", Name);
                }

                seenLocale = true;
                reader.Read();
                var chosen = EnglishLocale.Us;
                var sentinel = reader.TokenType;
                var error = ReadChoice(ref reader, "normalization.locale", Locales, ref chosen);
                if (error is not null)
                {
                    // The message names "normalization.locale"; the param is the top-level field, as for voice objects.
                    return error with { Param = Name };
                }

                locale = sentinel == JsonTokenType.Null ? null : chosen;
            }
            else
            {
                return RequestErrors.UnknownParameter("normalization." + ReadPropertyName(ref reader), Name);
            }
        }

        setting = new NormalizationSetting(enabled, locale);
        return null;
    }
}
