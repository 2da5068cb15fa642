namespace Orator.Speech.Rendering;

/// <summary>
/// Token usage reported in the SSE <c>speech.audio.done</c> event. Orator has no tokenizer, so it
/// defines tokens plainly (documented in the README): one input token per Unicode code point of
/// <c>input</c> and <c>instructions</c>, one output token per 20 ms of audio produced.
/// </summary>
public readonly record struct SpeechUsage(long InputTokens, long OutputTokens)
{
    /// <summary>Output tokens per second of audio.</summary>
    public const int OutputTokensPerSecond = 50;

    /// <summary>Computes usage from the request text and the samples produced at <paramref name="sampleRate"/>.</summary>
    public static SpeechUsage From(string input, string? instructions, long samples, int sampleRate)
    {
        var inputTokens = CountCodePoints(input) + (instructions is null ? 0 : CountCodePoints(instructions));
        var outputTokens = (samples * OutputTokensPerSecond + sampleRate - 1) / sampleRate;
        return new SpeechUsage(inputTokens, outputTokens);
    }

    /// <summary>Unicode code points in <paramref name="text"/>: what Orator counts as characters.</summary>
    public static int CountCodePoints(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
