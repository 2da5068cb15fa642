using System.Globalization;
using System.Text;

namespace Orator.Text.Tests;

/// <summary>What every split must satisfy, whatever the input: the properties the server relies on.</summary>
internal static class ChunkInvariants
{
    public static void AssertHold(string input, IReadOnlyList<TextChunk> chunks, SplitterOptions options)
    {
        HashSet<int> clusterStarts = [.. StringInfo.ParseCombiningCharacters(input)];
        clusterStarts.Add(input.Length);
        int previousEnd = 0;
        for (int i = 0; i < chunks.Count; i++)
        {
            TextChunk chunk = chunks[i];
            Assert.True(chunk.Length > 0, $"chunk {i} is empty");
            Assert.True(chunk.Start >= previousEnd, $"chunk {i} at {chunk.Start} overlaps the one before, ending at {previousEnd}");
            Assert.True(chunk.End <= input.Length, $"chunk {i} runs past the input");
            Assert.Equal(input.Substring(chunk.Start, chunk.Length), chunk.Text);
            Assert.Equal(i == chunks.Count - 1, chunk.Break == ChunkBreak.End);

            Assert.True(clusterStarts.Contains(chunk.Start), $"chunk {i} starts inside a grapheme cluster: {Around(input, chunk.Start)}");
            Assert.True(clusterStarts.Contains(chunk.End), $"chunk {i} ends inside a grapheme cluster: {Around(input, chunk.End)}");
            Assert.False(IsMarkOrJoined(input, chunk.Start), $"chunk {i} starts with a combining mark or joined character: {Around(input, chunk.Start)}");
            Assert.False(IsBareWhiteSpace(input, chunk.Start), $"chunk {i} starts with white space");
            Assert.False(IsBareWhiteSpace(input, chunk.End - 1), $"chunk {i} ends with white space");

            int limit = i == 0 ? options.FirstChunkMaxCharacters : options.MaxChunkCharacters;
            Assert.True(
                chunk.Length <= limit || !HasSplitPoint(input, chunk, clusterStarts),
                $"chunk {i} has {chunk.Length} characters, over the limit {limit}");

            AssertGapHasNothingToSay(input, previousEnd, chunk.Start, options);
            previousEnd = chunk.End;
        }

        AssertGapHasNothingToSay(input, previousEnd, input.Length, options);
    }

    /// <summary>
    /// Whether the chunk could have been cut: a cluster boundary inside it not followed by a mark.
    /// Only an unsplittable run (one cluster, or a base followed by thousands of marks) may exceed the limit.
    /// </summary>
    private static bool HasSplitPoint(string input, TextChunk chunk, HashSet<int> clusterStarts)
    {
        for (int i = chunk.Start + 1; i < chunk.End; i++)
        {
            if (clusterStarts.Contains(i) && !IsMarkOrJoined(input, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The non-white-space characters of the chunks, in order, are those of the input.</summary>
    public static void AssertNothingLost(string input, IReadOnlyList<TextChunk> chunks)
    {
        string joined = string.Join(" ", chunks.Select(chunk => chunk.Text));
        Assert.Equal(WithoutWhiteSpace(input), WithoutWhiteSpace(joined));
    }

    /// <summary>The code units around <paramref name="index"/>, for failure messages: "0061 0020 | 0301".</summary>
    private static string Around(string text, int index)
    {
        int from = Math.Max(0, index - 4);
        int to = Math.Min(text.Length, index + 4);
        var units = new List<string>();
        for (int i = from; i < to; i++)
        {
            units.Add(i == index ? $"| {(int)text[i]:X4}" : $"{(int)text[i]:X4}");
        }

        return $"at {index}: {string.Join(' ', units)}";
    }

    private static string WithoutWhiteSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void AssertGapHasNothingToSay(string input, int start, int end, SplitterOptions options)
    {
        for (int i = start; i < end; i++)
        {
            if (options.DropChunksWithoutLettersOrDigits)
            {
                Rune rune = Rune.DecodeFromUtf16(input.AsSpan(i), out Rune decoded, out _) == System.Buffers.OperationStatus.Done
                    ? decoded
                    : Rune.ReplacementChar;
                Assert.False(Rune.IsLetter(rune) || Rune.IsNumber(rune), $"letter or digit at {i} is in no chunk");
            }
            else
            {
                Assert.True(char.IsWhiteSpace(input[i]), $"character U+{(int)input[i]:X4} at {i} is in no chunk");
            }
        }
    }

    /// <summary>
    /// White space, unless a combining mark follows the run it starts (" \u0301" is a visible accent):
    /// the splitter keeps such white space as content rather than start a chunk with a lone mark.
    /// </summary>
    private static bool IsBareWhiteSpace(string text, int index)
    {
        int end = index;
        while (end < text.Length && char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end > index && (end >= text.Length || !IsMarkOrJoined(text, end));
    }

    private static bool IsMarkOrJoined(string text, int index)
    {
        if (index <= 0 || index >= text.Length)
        {
            return false;
        }

        if (text[index] is '\u200D' or '\u200C')
        {
            return true;
        }

        UnicodeCategory category = char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[index], text[index + 1]))
            : CharUnicodeInfo.GetUnicodeCategory(text[index]);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
