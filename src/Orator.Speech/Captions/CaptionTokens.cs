using System.Text;

namespace Orator.Speech.Captions;

/// <summary>
/// The input as a row of tokens with the boundaries between them, plus the punctuation before the
/// first and after the last: everything the cue and line choices measure and print.
/// </summary>
internal sealed class CaptionTokens
{
    // _prefix[i]: widths of tokens 0..i-1 and of the joins after each of them.
    private readonly int[] _prefix;

    public CaptionTokens(CaptionToken[] tokens, TokenBoundary[] boundaries, string lead, string trail)
    {
        Tokens = tokens;
        Boundaries = boundaries;
        Lead = lead;
        Trail = trail;
        _prefix = new int[tokens.Length + 1];
        for (int i = 0; i < tokens.Length; i++)
        {
            _prefix[i + 1] = _prefix[i] + tokens[i].Width + (i < boundaries.Length ? boundaries[i].JoinWidth : 0);
        }

        LeadWidth = CaptionCharacters.Width(lead);
        TrailWidth = CaptionCharacters.Width(trail);
    }

    public CaptionToken[] Tokens { get; }

    /// <summary>Boundary <c>i</c> is between token <c>i</c> and token <c>i + 1</c>.</summary>
    public TokenBoundary[] Boundaries { get; }

    /// <summary>Punctuation before the first word (an opening quote, a dialogue dash).</summary>
    public string Lead { get; }

    /// <summary>Punctuation after the last word (the final full stop, a closing quote).</summary>
    public string Trail { get; }

    public int LeadWidth { get; }

    public int TrailWidth { get; }

    public int Count => Tokens.Length;

    /// <summary>How good a place the gap after token <paramref name="index"/> is to break; the last token ends a sentence.</summary>
    public BreakStrength StrengthAfter(int index) => index < Boundaries.Length ? Boundaries[index].Strength : BreakStrength.Sentence;

    /// <summary>Text elements in the line of tokens <paramref name="first"/> to <paramref name="last"/>, with the punctuation its breaks leave it.</summary>
    public int Width(int first, int last)
    {
        int inner = _prefix[last + 1] - _prefix[first] - (last < Boundaries.Length ? Boundaries[last].JoinWidth : 0);
        int head = first == 0 ? LeadWidth : Boundaries[first - 1].RightWidth;
        int tail = last == Tokens.Length - 1 ? TrailWidth : Boundaries[last].LeftWidth;
        return head + inner + tail;
    }

    /// <summary>Appends the line of tokens <paramref name="first"/> to <paramref name="last"/>.</summary>
    public void AppendLine(StringBuilder line, int first, int last)
    {
        line.Append(first == 0 ? Lead : Boundaries[first - 1].Right);
        for (int i = first; i <= last; i++)
        {
            line.Append(Tokens[i].Text);
            if (i < last)
            {
                line.Append(Boundaries[i].Join);
            }
        }

        line.Append(last == Tokens.Length - 1 ? Trail : Boundaries[last].Left);
    }
}
