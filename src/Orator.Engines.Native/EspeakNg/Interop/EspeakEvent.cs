using System.Runtime.InteropServices;

namespace Orator.Engines.EspeakNg.Interop;

/// <summary>
/// <c>espeak_EVENT</c> from <c>speak_lib.h</c> (espeak-ng 1.51): what the synth callback gets
/// beside each buffer, an array ended by an event of type <see cref="ListTerminated"/>. Size 40
/// bytes on 64-bit.
/// </summary>
/// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct EspeakEvent
{
    /// <summary><c>espeakEVENT_LIST_TERMINATED</c>: the end of the array.</summary>
    public const int ListTerminated = 0;

    /// <summary><c>espeakEVENT_WORD</c>: the start of a word.</summary>
    public const int Word = 1;

    /// <summary><c>espeakEVENT_SENTENCE</c>: the start of a sentence.</summary>
    public const int Sentence = 2;

    /// <summary><c>espeakEVENT_END</c>: the end of a sentence or clause.</summary>
    public const int End = 5;

    /// <summary><c>espeakEVENT_MSG_TERMINATED</c>: the end of the text.</summary>
    public const int MessageTerminated = 6;

    /// <summary><c>espeak_EVENT_TYPE type</c>.</summary>
    public int Type;

    /// <summary><c>unsigned int unique_identifier</c>.</summary>
    public uint UniqueIdentifier;

    /// <summary><c>int text_position</c>: 1-based, in characters of the text given.</summary>
    public int TextPosition;

    /// <summary><c>int length</c>: the word's length in characters (word events).</summary>
    public int Length;

    /// <summary><c>int audio_position</c>: milliseconds from the start of the text's audio.</summary>
    public int AudioPosition;

    /// <summary><c>int sample</c>: the sample the event is at, counted from the start of the text's audio.</summary>
    public int Sample;

    /// <summary><c>void *user_data</c>.</summary>
    public void* UserData;

    /// <summary><c>union { int number; const char *name; char string[8]; } id</c>.</summary>
    public long Id;
}
