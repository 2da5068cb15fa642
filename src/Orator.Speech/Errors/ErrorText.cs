namespace Orator.Speech.Errors;

/// <summary>How user text is echoed inside error messages.</summary>
public static class ErrorText
{
    /// <summary>The most characters of user text an error message repeats.</summary>
    public const int MaxEchoLength = 64;

    /// <summary>Cuts user text echoed in a message to a readable length without splitting a surrogate pair.</summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxEchoLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxEchoLength - 1]) ? MaxEchoLength - 1 : MaxEchoLength;
        return string.Concat(text.AsSpan(0, cut), "...");
    }
}
