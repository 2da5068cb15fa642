using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Orator.Speech.Errors;

namespace Orator.Server.Api;

/// <summary>
/// Reads one field value at the reader's current token and checks its JSON type, length or range,
/// answering with the request error when it does not fit. Lengths count Unicode code points.
/// Every method expects a body already checked by <see cref="JsonBodyValidator"/>.
/// </summary>
internal static class JsonFieldReader
{
    /// <summary>Reads a string of 1..<paramref name="maxLength"/> code points (0 when <paramref name="optional"/>).</summary>
    /// <param name="reader">Positioned on the value.</param>
    /// <param name="name">The field's name as messages show it, e.g. <c>voice.id</c>.</param>
    /// <param name="param">The <c>param</c> the error blames.</param>
    /// <param name="maxLength">The most code points allowed.</param>
    /// <param name="optional">Whether null (leaving <paramref name="value"/> null) and the empty string are allowed.</param>
    /// <param name="value">The string read, or null.</param>
    public static ApiError? ReadString(
        ref Utf8JsonReader reader, string name, string param, int maxLength, bool optional, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null && optional)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return RequestErrors.InvalidType(name, param, "a string", reader.TokenType);
        }

        if (!TryGetString(ref reader, out value))
        {
            return RequestErrors.UnpairedSurrogate(name, param);
        }

        if (value.Length == 0)
        {
            return optional ? null : RequestErrors.StringTooShort(param);
        }

        // A string's code points never outnumber its UTF-16 units, so most values skip the count.
        if (value.Length <= maxLength)
        {
            return null;
        }

        var codePoints = CountCodePoints(value);
        return codePoints <= maxLength ? null : RequestErrors.StringTooLong(param, maxLength, codePoints);
    }

    /// <summary>Reads a number within [<paramref name="minimum"/>, <paramref name="maximum"/>]; null keeps <paramref name="value"/>.</summary>
    public static ApiError? ReadNumber(ref Utf8JsonReader reader, string name, double minimum, double maximum, ref double value)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            return RequestErrors.InvalidType(name, name, "a number", reader.TokenType);
        }

        // 1e400 parses as infinity; either way it is out of range.
        if (!reader.TryGetDouble(out var number) || !double.IsFinite(number) || number < minimum || number > maximum)
        {
            var raw = Encoding.UTF8.GetString(reader.ValueSpan);
            var below = raw.StartsWith('-') || (double.IsFinite(number) && number < minimum);
            return RequestErrors.NumberOutOfRange(name, Format(minimum), Format(maximum), raw, below);
        }

        value = number;
        return null;
    }

    /// <summary>Reads a whole number (<c>24000</c>, not <c>24000.5</c> or <c>"24000"</c>); null leaves <paramref name="value"/> null.</summary>
    public static ApiError? ReadInteger(ref Utf8JsonReader reader, string name, out int? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number))
        {
            return reader.TokenType == JsonTokenType.Number
                ? RequestErrors.NotAnInteger(name, Encoding.UTF8.GetString(reader.ValueSpan))
                : RequestErrors.InvalidType(name, name, "an integer", reader.TokenType);
        }

        value = number;
        return null;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>; null keeps <paramref name="value"/>.</summary>
    public static ApiError? ReadBoolean(ref Utf8JsonReader reader, string name, string param, ref bool value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True or JsonTokenType.False:
                value = reader.TokenType == JsonTokenType.True;
                return null;
            default:
                return RequestErrors.InvalidType(name, param, "a boolean", reader.TokenType);
        }
    }

    /// <summary>
    /// Reads a string that must be one of <paramref name="choices"/>, matched exactly ("MP3" is not
    /// "mp3", as in the reference API); null keeps <paramref name="choice"/>.
    /// </summary>
    public static ApiError? ReadChoice<TValue>(
        ref Utf8JsonReader reader, string name, IReadOnlyList<(string Wire, TValue Value)> choices, ref TValue choice)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return RequestErrors.InvalidType(name, name, "a string", reader.TokenType);
        }

        foreach (var (wire, value) in choices)
        {
            if (TextEquals(ref reader, wire.AsSpan()))
            {
                choice = value;
                return null;
            }
        }

        var given = TryGetString(ref reader, out var text) ? text : "(invalid string)";
        return RequestErrors.NotOneOf(name, given, choices.Select(c => c.Wire).ToArray());
    }

    /// <summary>
    /// Compares the unescaped text of the current name or string, so <c>"mo\u0064el"</c> is
    /// <c>model</c> as JSON says it is. Text whose escapes leave a surrogate unpaired equals nothing.
    /// </summary>
    public static bool TextEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Text)
    {
        try
        {
            return reader.ValueTextEquals(utf8Text);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <inheritdoc cref="TextEquals(ref Utf8JsonReader, ReadOnlySpan{byte})"/>
    public static bool TextEquals(ref Utf8JsonReader reader, ReadOnlySpan<char> text)
    {
        try
        {
            return reader.ValueTextEquals(text);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The current property name, or a placeholder when its escapes are not valid UTF-16.</summary>
    public static string ReadPropertyName(ref Utf8JsonReader reader) =>
        TryGetString(ref reader, out var name) ? name : "(invalid name)";

    /// <summary>The number of Unicode code points (runes) in a well-formed string.</summary>
    public static int CountCodePoints(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    // GetString throws when a \u escape leaves a surrogate unpaired; that is the client's error.
    private static bool TryGetString(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? value)
    {
        try
        {
            value = reader.GetString();
            return value is not null;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    // 0.25 -> "0.25", 4 -> "4.0": the way the API reference writes its bounds.
    private static string Format(double bound) => bound.ToString("0.0###", CultureInfo.InvariantCulture);
}
