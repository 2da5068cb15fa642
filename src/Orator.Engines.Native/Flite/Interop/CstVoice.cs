using System.Runtime.InteropServices;

namespace Orator.Engines.Flite.Interop;

/// <summary><c>cst_voice</c> from <c>/usr/include/flite/cst_voice.h</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CstVoice
{
    /// <summary><c>const char *name</c>.</summary>
    public byte* Name;

    /// <summary><c>cst_features *features</c>: the voice's settings, linked into every utterance.</summary>
    public void* Features;

    /// <summary><c>cst_features *ffunctions</c>.</summary>
    public void* FFunctions;

    /// <summary><c>cst_utterance *(*utt_init)(cst_utterance *u, cst_voice *v)</c>.</summary>
    public void* UttInit;
}
