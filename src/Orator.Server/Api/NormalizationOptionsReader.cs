using System.Text.Json;
using Orator.Server.Hosting;
using Orator.Speech.Errors;
using Orator.Speech.Requests;
using static Orator.Server.Api.JsonFieldReader;

namespace Orator.Server.Api;

/// <summary>
/// Reads Kokoro-FastAPI's <c>normalization_options</c>: an object of booleans. <c>normalize</c>
/// turns Orator's normalization on or off; every other member is a part of it that Orator always
/// does or never does, so a value that asks otherwise cannot be honoured and is named as ignored
/// (<c>normalization_options.unit_normalization</c>). With normalization off nothing is named:
/// the parts do not matter then. Unknown members follow the unknown-field policy.
/// </summary>
internal static class NormalizationOptionsReader
{
    /// <summary>The field's name on the wire.</summary>
    public const string Name = "normalization_options";

    private const string Normalize = "normalize";

    // What Orator's English normalizer does, for each of Kokoro's switches (docs/architecture/text-normalization.md).
    private static readonly (string Member, bool Orator)[] Parts =
    [
        ("unit_normalization", true),
        ("url_normalization", true),
        ("email_normalization", true),
        ("optional_pluralization_normalization", false),
        ("phone_normalization", true),
        ("replace_remaining_symbols", true),
        ("caps_normalization", true),
        ("remove_emoji", true),
    ];

    /// <summary>Reads the value at the reader; null (or JSON null) = the field says nothing.</summary>
    /// <param name="reader">On the value.</param>
    /// <param name="policy">What unknown members earn.</param>
    /// <param name="ignored">Receives the members that cannot be honoured and the ignored unknown ones.</param>
    /// <param name="setting">The normalization asked for, or null.</param>
    public static ApiError? Read(ref Utf8JsonReader reader, UnknownFieldPolicy policy, List<string> ignored, out NormalizationSetting? setting)
    {
        setting = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return RequestErrors.InvalidType(Name, Name, "an object", reader.TokenType);
        }

        var enabled = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var named = new List<(string Name, bool Part)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = ReadPropertyName(ref reader);
            var qualified = $"{Name}.{member}";
            var part = Array.FindIndex(Parts, p => p.Member == member);
            if (member != Normalize && part < 0)
            {
                if (policy == UnknownFieldPolicy.Reject)
                {
                    return RequestErrors.UnknownParameter(qualified, Name);
                }

                named.Add((qualified, false));
                reader.Skip();
                continue;
            }

            if (!seen.Add(member))
            {
                return RequestErrors.DuplicateKey(qualified, Name);
            }

            reader.Read();
            var value = member == Normalize ? enabled : part >= 0 && Parts[part].Orator;
            var asked = reader.TokenType != JsonTokenType.Null;
            if (ReadBoolean(ref reader, qualified, Name, ref value) is { } error)
            {
                return error;
            }

            if (member == Normalize)
            {
                enabled = value;
            }
            else if (asked && value != Parts[part].Orator)
            {
                named.Add((qualified, true));
            }
        }

        // In body order; a part only matters while normalization is on, wherever normalize came.
        ignored.AddRange(named.Where(n => enabled || !n.Part).Select(n => n.Name));
        setting = new NormalizationSetting(enabled, null);
        return null;
    }
}
