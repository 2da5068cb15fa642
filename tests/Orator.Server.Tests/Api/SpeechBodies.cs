using System.Text;
using Orator.Server.Api;
using Orator.Speech.Errors;
using Orator.Speech.Requests;

namespace Orator.Server.Tests.Api;

/// <summary>Builds speech request bodies from a valid default and runs them through the parser.</summary>
internal static class SpeechBodies
{
    /// <summary>Marks a field to leave out of the body.</summary>
    public const string Absent = "<absent>";

    /// <summary>A body with the three required fields, each overridable with raw JSON.</summary>
    public static string With(params (string Name, string RawJson)[] fields)
    {
        var values = new List<(string Name, string RawJson)>
        {
            ("model", "\"tts-1\""),
            ("input", "\"Hello there.\""),
            ("voice", "\"alloy\""),
        };
        foreach (var (name, raw) in fields)
        {
            var index = values.FindIndex(v => v.Name == name);
            if (index >= 0)
            {
                values.RemoveAt(index);
            }

            if (raw != Absent)
            {
                values.Insert(index >= 0 ? index : values.Count, (name, raw));
            }
        }

        return "{" + string.Join(",", values.Select(v => $"\"{v.Name}\":{v.RawJson}")) + "}";
    }

    /// <summary>A JSON string literal of the text (the text must need no escaping).</summary>
    public static string Quoted(string text) => "\"" + text + "\"";

    public static SpeechRequest ParseValid(string json) => ParseValid(Encoding.UTF8.GetBytes(json));

    public static SpeechRequest ParseValid(byte[] body)
    {
        var ok = SpeechRequestParser.TryParse(body, out var request, out var error);
        Assert.True(ok, error?.Message);
        Assert.Null(error);
        return request!;
    }

    public static ApiError ParseInvalid(string json) => ParseInvalid(Encoding.UTF8.GetBytes(json));

    public static ApiError ParseInvalid(byte[] body)
    {
        var ok = SpeechRequestParser.TryParse(body, out var request, out var error);
        Assert.False(ok);
        Assert.Null(request);
        Assert.NotNull(error);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("invalid_request_error", error.Type);
        return error;
    }
}
