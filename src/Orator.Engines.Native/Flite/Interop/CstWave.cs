using System.Runtime.InteropServices;

namespace Orator.Engines.Flite.Interop;

/// <summary>
/// <c>cst_wave</c> from <c>/usr/include/flite/cst_wave.h</c>: a block of 16-bit PCM.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CstWave
{
    /// <summary><c>const char *type</c>.</summary>
    public byte* Type;

    /// <summary><c>int sample_rate</c>.</summary>
    public int SampleRate;

    /// <summary><c>int num_samples</c>.</summary>
    public int NumSamples;

    /// <summary><c>int num_channels</c> (always 1 for the shipped voices).</summary>
    public int NumChannels;

    /// <summary><c>short *samples</c>.</summary>
    public short* Samples;
}
