using System.Runtime.InteropServices;

namespace Orator.Engines.EspeakNg.Interop;

/// <summary><c>espeak_VOICE</c> from <c>/usr/include/espeak-ng/speak_lib.h</c> (40 bytes on 64-bit).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct EspeakVoice
{
    /// <summary><c>const char *name</c>: e.g. "English (Great Britain)", UTF-8.</summary>
    public byte* Name;

    /// <summary>
    /// <c>const char *languages</c>: repeated (priority byte, NUL-terminated language) pairs,
    /// ended by an extra NUL.
    /// </summary>
    public byte* Languages;

    /// <summary><c>const char *identifier</c>: the voice file below espeak-ng-data/voices, e.g. "gmw/en".</summary>
    public byte* Identifier;

    /// <summary><c>unsigned char gender</c>: 0 none, 1 male, 2 female.</summary>
    public byte Gender;

    /// <summary><c>unsigned char age</c>.</summary>
    public byte Age;

    /// <summary><c>unsigned char variant</c>.</summary>
    public byte Variant;

    /// <summary><c>unsigned char xx1</c>: internal.</summary>
    public byte Xx1;

    /// <summary><c>int score</c>: internal.</summary>
    public int Score;

    /// <summary><c>void *spare</c>: internal.</summary>
    public void* Spare;
}
