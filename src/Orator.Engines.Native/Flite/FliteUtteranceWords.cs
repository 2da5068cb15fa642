using System.Runtime.InteropServices;
using Orator.Engines.Flite.Interop;
using Orator.Engines.Words;

namespace Orator.Engines.Flite;

/// <summary>
/// Reads where each word of a synthesised utterance is, from the relations Flite built: a token's
/// <c>file_pos</c> finds it in the text, its daughters are its words, and a word's first and last
/// segment (word, syllables, segments in <c>SylStructure</c>) bound it in time: it starts where
/// the segment before its first one ends (a pause, often) and ends where its last one ends.
/// </summary>
internal static unsafe class FliteUtteranceWords
{
    /// <summary>
    /// Feeds every word of <paramref name="utterance"/> to <paramref name="builder"/> and reports
    /// them. Times are seconds from the utterance's first sample, which is sample
    /// <paramref name="firstSample"/> of the call; none goes past <paramref name="utteranceSamples"/>.
    /// </summary>
    public static void Report(CstUtterance* utterance, ReadOnlySpan<int> sources, WordTimingBuilder builder, long firstSample, int sampleRate, long utteranceSamples)
    {
        var tokens = NativeMethods.UttRelation(utterance, FliteStrings.TokenRelation);
        for (var token = tokens == null ? null : NativeMethods.RelationHead(tokens); token != null; token = NativeMethods.ItemNext(token))
        {
            if (NativeMethods.ItemFeatPresent(token, FliteStrings.FilePos) == 0)
            {
                continue;
            }

            var position = NativeMethods.ItemFeatInt(token, FliteStrings.FilePos);
            var length = Length(token, FliteStrings.PrePunctuation) + Length(token, FliteStrings.Name) + Length(token, FliteStrings.Punctuation);
            var word = builder.Map(Source(sources, position), Source(sources, position + Math.Max(1, length)));
            if (word < 0)
            {
                continue;
            }

            for (var spoken = NativeMethods.ItemDaughter(token); spoken != null; spoken = NativeMethods.ItemNext(spoken))
            {
                if (!TryTimes(spoken, out var startSeconds, out var endSeconds))
                {
                    continue;
                }

                var start = firstSample + Math.Min(ToSamples(startSeconds, sampleRate), utteranceSamples);
                var end = firstSample + Math.Min(ToSamples(endSeconds, sampleRate), utteranceSamples);
                if (builder.IsPending(word))
                {
                    builder.Extend(end);
                }
                else
                {
                    builder.Finish(builder.PendingEnd);
                    builder.Begin(word, start, end);
                }
            }
        }

        builder.Finish(builder.PendingEnd);
    }

    private static bool TryTimes(void* word, out float start, out float end)
    {
        start = end = 0;
        var structure = NativeMethods.ItemAs(word, FliteStrings.SylStructureRelation);
        if (structure == null)
        {
            return false;
        }

        var firstSyllable = NativeMethods.ItemDaughter(structure);
        var lastSyllable = NativeMethods.ItemLastDaughter(structure);
        var first = firstSyllable == null ? null : NativeMethods.ItemAs(NativeMethods.ItemDaughter(firstSyllable), FliteStrings.SegmentRelation);
        var last = lastSyllable == null ? null : NativeMethods.ItemAs(NativeMethods.ItemLastDaughter(lastSyllable), FliteStrings.SegmentRelation);
        if (first == null || last == null || !TryEnd(last, out end))
        {
            return false;
        }

        var before = NativeMethods.ItemPrev(first);
        if (before != null)
        {
            TryEnd(before, out start);
        }

        start = Math.Min(start, end);
        return true;
    }

    private static bool TryEnd(void* segment, out float end)
    {
        end = 0;
        if (segment == null || NativeMethods.ItemFeatPresent(segment, FliteStrings.End) == 0)
        {
            return false;
        }

        end = NativeMethods.ItemFeatFloat(segment, FliteStrings.End);
        return float.IsFinite(end) && end >= 0;
    }

    private static long ToSamples(float seconds, int sampleRate) => (long)Math.Round((double)seconds * sampleRate);

    private static int Source(ReadOnlySpan<int> sources, int position) => sources[Math.Clamp(position, 0, sources.Length - 1)];

    private static int Length(void* token, byte* feature)
    {
        var text = NativeMethods.FFeatureString(token, feature);
        return text == null || (text[0] == (byte)'0' && text[1] == 0) ? 0 : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text).Length;
    }
}
