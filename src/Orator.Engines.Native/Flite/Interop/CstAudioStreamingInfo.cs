using System.Runtime.InteropServices;

namespace Orator.Engines.Flite.Interop;

/// <summary>
/// <c>cst_audio_streaming_info</c> from <c>/usr/include/flite/cst_audio.h</c>. Installed as the
/// voice feature <c>streaming_info</c>, it makes the wave synthesisers (CG's MLSA and the
/// diphone LPC resynthesis) hand over PCM as they produce it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CstAudioStreamingInfo
{
    /// <summary><c>int min_buffsize</c>: samples gathered before each callback.</summary>
    public int MinBufferSize;

    /// <summary>
    /// <c>int (*asc)(const cst_wave *w, int start, int size, int last, cst_audio_streaming_info *asi)</c>.
    /// Returns <see cref="NativeMethods.AudioStreamContinue"/> or <see cref="NativeMethods.AudioStreamStop"/>.
    /// </summary>
    public delegate* unmanaged<CstWave*, int, int, int, CstAudioStreamingInfo*, int> Asc;

    /// <summary><c>const cst_utterance *utt</c>: set by Flite before streaming.</summary>
    public CstUtterance* Utterance;

    /// <summary><c>const cst_item *item</c>: unused here.</summary>
    public void* Item;

    /// <summary><c>void *userdata</c>: unused here (the session is thread-static).</summary>
    public void* UserData;
}
