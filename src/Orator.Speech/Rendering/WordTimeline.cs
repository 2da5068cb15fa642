using Orator.Core.Audio;
using Orator.Speech.Captions;
using Orator.Speech.Planning;
using Orator.Text;

namespace Orator.Speech.Rendering;

/// <summary>
/// Turns words placed on a plan's joined stream into what the client is told: seconds on the
/// output timeline (after the time-stretch, at the pipeline's reading rate, plus the codec delay a
/// decoder plays) and the range of the input the user wrote. Engine words that come from one
/// written token (<c>$3.50</c> read as five words) merge into one entry.
/// </summary>
internal sealed class WordTimeline
{
    private readonly SpeechPlan _plan;
    private readonly double _secondsPerSample;
    private readonly double _originSeconds;
    private readonly List<SpokenWord> _words = [];

    /// <summary>Creates the timeline of <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan whose words these are.</param>
    /// <param name="joinedBefore">Joined samples of earlier plans on the same stream.</param>
    /// <param name="playbackDelaySeconds">What the encoder's decoder plays before the first sample.</param>
    public WordTimeline(SpeechPlan plan, long joinedBefore, double playbackDelaySeconds)
    {
        _plan = plan;
        _secondsPerSample = 1.0 / plan.PipelineSampleRate / plan.ResidualTempo;
        _originSeconds = (joinedBefore * _secondsPerSample) + playbackDelaySeconds;
    }

    /// <summary>The entries of one chunk's placed words (the list is reused by the next call).</summary>
    public IReadOnlyList<SpokenWord> Place(IReadOnlyList<WordTiming> placed)
    {
        _words.Clear();
        var chunks = _plan.Spoken.Chunks;
        var map = _plan.Spoken.Map ?? TextMap.Identity(_plan.Spoken.Text.Length);
        var input = _plan.Input;
        foreach (var word in placed)
        {
            if ((uint)word.Segment >= (uint)chunks.Count)
            {
                continue;
            }

            var prepared = chunks[word.Segment].Start + word.TextOffset;
            var source = Trim(input, map.ToSource(prepared, word.TextLength));
            if (source.Length == 0)
            {
                continue;
            }

            var start = _originSeconds + (word.StartSample * _secondsPerSample);
            var end = _originSeconds + (word.EndSample * _secondsPerSample);
            if (_words.Count > 0 && _words[^1] is var last && source.Start < last.Offset + last.Length)
            {
                // Another spoken word of the same written one: widen the entry.
                var from = Math.Min(last.Offset, source.Start);
                var to = Math.Max(last.Offset + last.Length, source.End);
                _words[^1] = last with
                {
                    Word = input[from..to],
                    Offset = from,
                    Length = to - from,
                    End = Math.Max(last.End, end),
                    Approximate = last.Approximate || word.Approximate,
                };
                continue;
            }

            _words.Add(new SpokenWord(input.Substring(source.Start, source.Length), start, Math.Max(start, end), source.Start, source.Length, word.Approximate));
        }

        return _words;
    }

    // The written word without the quotes, brackets and sentence punctuation around it; a full
    // stop stays when the word has another inside (U.S., a.m.).
    private static TextSpan Trim(string input, TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, input.Length);
        var end = Math.Clamp(span.End, start, input.Length);
        while (start < end && IsEdge(input[start]))
        {
            start++;
        }

        while (end > start && IsEdge(input[end - 1]))
        {
            if (input[end - 1] == '.' && input.AsSpan(start, end - 1 - start).Contains('.'))
            {
                break;
            }

            end--;
        }

        return new TextSpan(start, end - start);
    }

    private static bool IsEdge(char c) => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) switch
    {
        System.Globalization.UnicodeCategory.OpenPunctuation or System.Globalization.UnicodeCategory.ClosePunctuation
            or System.Globalization.UnicodeCategory.InitialQuotePunctuation or System.Globalization.UnicodeCategory.FinalQuotePunctuation => true,
        _ => c is '"' or '\'' or ',' or ';' or ':' or '!' or '?' or '.' or '\u2026' or '\u00BF' or '\u00A1',
    };
}
