using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Orator.Engines.Flite.Interop;

/// <summary>
/// Constant NUL-terminated strings passed to Flite: mostly feature names. Flite's
/// <c>feat_set</c> keeps the name pointer rather than copying it, so the names must live as long
/// as the process: these point into the assembly's constant data, which never moves.
/// </summary>
internal static unsafe class FliteStrings
{
    /// <summary><c>duration_stretch</c>: multiplies every segment's duration (&gt;1 is slower).</summary>
    public static byte* DurationStretch => Pin("duration_stretch\0"u8);

    /// <summary><c>f0_shift</c>: multiplies the F0 target mean (diphone and non-SPAM CG voices).</summary>
    public static byte* F0Shift => Pin("f0_shift\0"u8);

    /// <summary><c>streaming_info</c>: the <c>cst_audio_streaming_info</c> that receives PCM.</summary>
    public static byte* StreamingInfo => Pin("streaming_info\0"u8);

    /// <summary><c>utt_user_callback</c>: called by <c>flite_ts_to_speech</c> before each utterance.</summary>
    public static byte* UttUserCallback => Pin("utt_user_callback\0"u8);

    /// <summary><c>cg_db</c>: a clustergen voice's model.</summary>
    public static byte* CgDb => Pin("cg_db\0"u8);

    /// <summary><c>text_whitespace</c>: tokenizer whitespace set.</summary>
    public static byte* TextWhitespace => Pin("text_whitespace\0"u8);

    /// <summary><c>text_singlecharsymbols</c>: tokenizer single-character symbols.</summary>
    public static byte* TextSingleCharSymbols => Pin("text_singlecharsymbols\0"u8);

    /// <summary><c>text_prepunctuation</c>: tokenizer leading punctuation.</summary>
    public static byte* TextPrePunctuation => Pin("text_prepunctuation\0"u8);

    /// <summary><c>text_postpunctuation</c>: tokenizer trailing punctuation.</summary>
    public static byte* TextPostPunctuation => Pin("text_postpunctuation\0"u8);

    /// <summary>The output type <c>none</c>: audio only goes to the streaming callback.</summary>
    public static byte* OutputNone => Pin("none\0"u8);

    /// <summary>A one-word text used to probe a voice's sample rate.</summary>
    public static byte* ProbeText => Pin("a\0"u8);

    /// <summary>The <c>Token</c> relation: the text's tokens, each with its words as daughters.</summary>
    public static byte* TokenRelation => Pin("Token\0"u8);

    /// <summary>The <c>SylStructure</c> relation: word, then syllables, then segments.</summary>
    public static byte* SylStructureRelation => Pin("SylStructure\0"u8);

    /// <summary>The <c>Segment</c> relation: the phones in time order, pauses included.</summary>
    public static byte* SegmentRelation => Pin("Segment\0"u8);

    /// <summary><c>file_pos</c>: a token's byte offset in the text the token stream read.</summary>
    public static byte* FilePos => Pin("file_pos\0"u8);

    /// <summary><c>name</c>: a token's text without its punctuation.</summary>
    public static byte* Name => Pin("name\0"u8);

    /// <summary><c>prepunctuation</c>: the punctuation a token started with.</summary>
    public static byte* PrePunctuation => Pin("prepunctuation\0"u8);

    /// <summary><c>punc</c>: the punctuation a token ended with.</summary>
    public static byte* Punctuation => Pin("punc\0"u8);

    /// <summary><c>end</c>: a segment's end time in seconds from the utterance's start.</summary>
    public static byte* End => Pin("end\0"u8);

    // UTF-8 literals are stored in the assembly's read-only data, so their address is fixed.
    private static byte* Pin(ReadOnlySpan<byte> literal)
        => (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(literal));
}
