using System.Text;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// Where <c>orator say</c> takes its text from: the argument, <c>--file PATH</c> (UTF-8), or
/// standard input (the argument <c>-</c>, <c>--file -</c>, or neither given while standard input
/// is redirected).
/// </summary>
internal static class SayText
{
    /// <summary>The standard input / output marker.</summary>
    public const string Dash = "-";

    /// <summary>The message for text with nothing in it.</summary>
    public const string Empty = "the text is empty.";

    /// <summary>
    /// Separates the words of the text from configuration tokens (<see cref="ConfigurationTokens.Split"/>):
    /// the words are joined with spaces. Text that itself starts with <c>--</c> comes through <c>--file</c> or standard input.
    /// </summary>
    /// <returns>The text (null when no word was given) and the configuration tokens.</returns>
    public static (string? Text, IReadOnlyList<string> Configuration) SplitArguments(IReadOnlyList<string> tokens)
    {
        var (words, configuration) = ConfigurationTokens.Split(tokens);
        return (words.Count == 0 ? null : string.Join(' ', words), configuration);
    }

    /// <summary>The text to speak, or the reason there is none. A file is only opened when it is read (its problems surface then).</summary>
    /// <param name="argument">The text argument, or null.</param>
    /// <param name="file">The <c>--file</c> path, or null.</param>
    /// <param name="cancellationToken">Stops reading standard input.</param>
    public static async Task<(SayInput? Input, string? Error)> ReadAsync(string? argument, string? file, CancellationToken cancellationToken)
    {
        string text;
        if (argument is not null && file is not null)
        {
            return (null, "give the text as an argument or with --file, not both.");
        }

        if (file is not null && file != Dash)
        {
            return (SayInput.FromFile(file), null);
        }

        if (argument is not null && argument != Dash)
        {
            text = argument;
        }
        else if (argument == Dash || file == Dash || Console.IsInputRedirected)
        {
            using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            text = await input.ReadToEndAsync(cancellationToken);
        }
        else
        {
            return (null, "no text: give it as an argument, with --file PATH, or on standard input.");
        }

        return string.IsNullOrWhiteSpace(text) ? (null, Empty) : (SayInput.FromText(text), null);
    }
}
