namespace Orator.Text.Tests.Mapping;

/// <summary>The words of a prepared text (runs between whitespace) and what each maps back to in the source.</summary>
internal static class SpokenWords
{
    /// <summary>Each whitespace-separated word of <paramref name="prepared"/> with its span there and its source span.</summary>
    public static List<(string Word, TextSpan Prepared, TextSpan Source)> Of(PreparedText prepared)
    {
        var words = new List<(string, TextSpan, TextSpan)>();
        string text = prepared.Text;
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var span = new TextSpan(start, i - start);
            words.Add((text[start..i], span, prepared.Map.ToSource(span)));
        }

        return words;
    }

    /// <summary>The source text each spoken word maps to, in order.</summary>
    public static string[] Sources(PreparedText prepared, string source)
        => [.. Of(prepared).Select(word => source.Substring(word.Source.Start, word.Source.Length))];

    /// <summary>Asserts what every map must satisfy: lengths agree, spans lie in the source and never go backwards.</summary>
    public static void AreConsistent(string source, PreparedText prepared)
    {
        Assert.Equal(prepared.Text.Length, prepared.Map.PreparedLength);
        Assert.Equal(source.Length, prepared.Map.SourceLength);
        int lastStart = 0;
        foreach (var (word, _, span) in Of(prepared))
        {
            Assert.InRange(span.Start, 0, source.Length);
            Assert.InRange(span.End, span.Start, source.Length);
            Assert.True(span.Start >= lastStart, $"'{word}' maps to {span.Start}, before the previous word's {lastStart}, in '{source}' -> '{prepared.Text}'");
            lastStart = span.Start;
        }
    }
}
