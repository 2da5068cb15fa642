using System.Globalization;
using System.Text.Json;
using Orator.Speech.Errors;

namespace Orator.Server.Api;

/// <summary>
/// The 400 errors a request body can earn, worded as the OpenAI API words them so that
/// clients and people see familiar messages. Any user text echoed back is shortened.
/// </summary>
internal static class RequestErrors
{
    private const string ParseFailure = "We could not parse the JSON body of your request";

    private const string NotJsonHint = "The API expects a JSON payload, but what was sent was not valid JSON.";

    /// <summary>The body contains bytes that are not UTF-8.</summary>
    public static ApiError InvalidUtf8(int byteOffset) => ApiError.InvalidRequest(
        string.Create(CultureInfo.InvariantCulture, $"The request body is not valid UTF-8: invalid byte sequence at byte offset {byteOffset}."),
        param: null);

    /// <summary>The body is empty or only whitespace.</summary>
    public static ApiError EmptyBody() => ApiError.InvalidRequest(
        "The request body is empty. The API expects a JSON object.",
        param: null);

    /// <summary>The body is not well-formed JSON (including trailing content and comments).</summary>
    /// <param name="line">The zero-based line of the problem, when known.</param>
    /// <param name="bytePositionInLine">The zero-based byte of the problem in its line, when known.</param>
    public static ApiError MalformedJson(long? line, long? bytePositionInLine) => ApiError.InvalidRequest(
        (line, bytePositionInLine) is (long l, long b)
            ? string.Create(CultureInfo.InvariantCulture, $"{ParseFailure} (invalid JSON at line {l + 1}, byte {b + 1}). {NotJsonHint}")
            : $"{ParseFailure}. {NotJsonHint}",
        param: null);

    /// <summary>The body nests arrays or objects deeper than any valid request needs.</summary>
    public static ApiError NestedTooDeeply(int maxDepth) => ApiError.InvalidRequest(
        string.Create(CultureInfo.InvariantCulture, $"{ParseFailure}: it nests objects or arrays more than {maxDepth} levels deep."),
        param: null);

    /// <summary>The same key appears twice in one object.</summary>
    public static ApiError DuplicateKey(string name, string param) => ApiError.InvalidRequest(
        $"{ParseFailure}: the key '{Shorten(name)}' appears more than once.",
        param);

    /// <summary>The top-level JSON value is not an object.</summary>
    public static ApiError NotAnObject(JsonTokenType actual) => ApiError.InvalidRequest(
        $"The request body must be a JSON object, but got {Describe(actual)} instead.",
        param: null);

    /// <summary>A field the API does not define; <paramref name="param"/> defaults to the field's name.</summary>
    public static ApiError UnknownParameter(string name, string? param = null) => ApiError.InvalidRequest(
        $"Unrecognized request argument supplied: {Shorten(name)}",
        param ?? Shorten(name),
        "unknown_parameter");

    /// <summary>A required field is absent.</summary>
    public static ApiError MissingParameter(string name, string param) => ApiError.InvalidRequest(
        $"Missing required parameter: '{name}'.",
        param,
        "missing_required_parameter");

    /// <summary>A field holds the wrong kind of JSON value.</summary>
    public static ApiError InvalidType(string name, string param, string expected, JsonTokenType actual) => ApiError.InvalidRequest(
        $"Invalid type for '{name}': expected {expected}, but got {Describe(actual)} instead.",
        param,
        "invalid_type");

    /// <summary>A string field that must not be empty is empty.</summary>
    public static ApiError StringTooShort(string param) => ApiError.InvalidRequest(
        "Expected a string with minimum length 1, but got an empty string instead.",
        param);

    /// <summary>A string field is longer than allowed, counted in Unicode code points.</summary>
    public static ApiError StringTooLong(string param, int maxLength, int actualLength) => ApiError.InvalidRequest(
        string.Create(
            CultureInfo.InvariantCulture,
            $"Expected a string with maximum length {maxLength}, but got a string with length {actualLength} instead."),
        param,
        "string_above_max_length");

    /// <summary>A string holds a <c>\u</c> escape of an unpaired UTF-16 surrogate, which is no character.</summary>
    public static ApiError UnpairedSurrogate(string name, string param) => ApiError.InvalidRequest(
        $"Invalid value for '{name}': the string contains a \\u escape of an unpaired UTF-16 surrogate.",
        param,
        "invalid_value");

    /// <summary>A number outside its inclusive range; <paramref name="rawNumber"/> is the JSON text.</summary>
    public static ApiError NumberOutOfRange(string param, string minimum, string maximum, string rawNumber, bool belowMinimum) =>
        ApiError.InvalidRequest(
            $"Invalid value for '{param}': expected a number between {minimum} and {maximum}, but got {Shorten(rawNumber)} instead.",
            param,
            belowMinimum ? "decimal_below_min_value" : "decimal_above_max_value");

    /// <summary>A number where only a whole number will do; <paramref name="rawNumber"/> is the JSON text.</summary>
    public static ApiError NotAnInteger(string param, string rawNumber) => ApiError.InvalidRequest(
        $"Invalid type for '{param}': expected an integer, but got {Shorten(rawNumber)} instead.",
        param,
        "invalid_type");

    /// <summary>A string that is not one of a fixed set of values.</summary>
    public static ApiError NotOneOf(string param, string value, IReadOnlyList<string> allowed) => ApiError.InvalidRequest(
        $"Invalid value for '{param}': '{Shorten(value)}'. Supported values are: {ListValues(allowed)}.",
        param,
        "invalid_value");

    /// <summary>Cuts user text echoed in a message to a readable length (see <see cref="ErrorText.Shorten"/>).</summary>
    public static string Shorten(string text) => ErrorText.Shorten(text);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "an unexpected token",
    };

    // 'a', 'b', and 'c' — the list style of the reference API's messages.
    private static string ListValues(IReadOnlyList<string> values) => values.Count switch
    {
        0 => string.Empty,
        1 => $"'{values[0]}'",
        _ => string.Join(", ", values.Take(values.Count - 1).Select(v => $"'{v}'")) + $", and '{values[^1]}'",
    };
}
