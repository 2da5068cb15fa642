namespace Orator.Cli.Commands;

/// <summary>
/// Tells configuration tokens from a command's own words. System.CommandLine hands an unknown
/// <c>--Orator:Key=value</c> token to a command's zero-or-more argument, in order with the words, so
/// commands with such an argument (<c>say</c>'s text, <c>upstreams check</c>'s names) split them here.
/// </summary>
internal static class ConfigurationTokens
{
    /// <summary>
    /// A token starting with <c>--</c> is configuration (as on <c>orator serve</c>, with the next token
    /// as its value when it has no <c>=</c>); every other token is a word, kept in order.
    /// </summary>
    public static (IReadOnlyList<string> Words, IReadOnlyList<string> Configuration) Split(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var words = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length > 2 && token.StartsWith("--", StringComparison.Ordinal))
            {
                configuration.Add(token);
                if (!token.Contains('=', StringComparison.Ordinal) && i + 1 < tokens.Count)
                {
                    configuration.Add(tokens[++i]);
                }
            }
            else
            {
                words.Add(token);
            }
        }

        return (words, configuration);
    }
}
