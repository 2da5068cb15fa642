using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Opus.Interop;

/// <summary>
/// Imports from <c>libopus.so.0</c> (libopus 1.3, Debian package libopus0). Signatures follow
/// <c>/usr/include/opus/opus.h</c> and <c>opus_defines.h</c>; every argument is a pointer or a
/// primitive, so nothing is marshalled and no call allocates.
/// </summary>
/// <remarks>
/// <c>opus_encoder_ctl</c> is variadic and .NET cannot call variadic functions, so it is imported
/// with fixed arities (<see cref="EncoderCtlSet"/>, <see cref="EncoderCtlGet"/>). That is sound
/// where a variadic <c>int</c> or pointer travels in the same register as a fixed one: x86-64
/// System V, AArch64 Linux and Windows x64. It is not on Apple arm64, where variadic arguments go
/// on the stack, so <see cref="OpusLibrary"/> reports libopus unavailable there.
/// </remarks>
internal static unsafe partial class NativeMethods
{
    /// <summary>The runtime library's soname.</summary>
    public const string LibraryName = "libopus.so.0";

    /// <summary><c>OPUS_APPLICATION_VOIP</c> (opus_defines.h): favour speech intelligibility.</summary>
    public const int ApplicationVoip = 2048;

    /// <summary><c>OPUS_APPLICATION_AUDIO</c> (opus_defines.h): favour faithfulness to the input.</summary>
    public const int ApplicationAudio = 2049;

    /// <summary><c>OPUS_SET_BITRATE_REQUEST</c> (opus_defines.h); value in bits per second.</summary>
    public const int SetBitrateRequest = 4002;

    /// <summary><c>OPUS_SET_COMPLEXITY_REQUEST</c> (opus_defines.h); value 0..10.</summary>
    public const int SetComplexityRequest = 4010;

    /// <summary><c>OPUS_GET_LOOKAHEAD_REQUEST</c> (opus_defines.h); samples at the encoder's rate.</summary>
    public const int GetLookaheadRequest = 4027;

    /// <summary>
    /// <c>OpusEncoder *opus_encoder_create(opus_int32 Fs, int channels, int application, int *error)</c>
    /// (opus.h). <paramref name="sampleRate"/> must be 8000, 12000, 16000, 24000 or 48000.
    /// </summary>
    /// <seealso href="https://opus-codec.org/docs/opus_api-1.3.1/group__opus__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_create")]
    public static partial OpusEncoderHandle EncoderCreate(int sampleRate, int channels, int application, int* error);

    /// <summary><c>void opus_encoder_destroy(OpusEncoder *st)</c> (opus.h).</summary>
    /// <seealso href="https://opus-codec.org/docs/opus_api-1.3.1/group__opus__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_destroy")]
    public static partial void EncoderDestroy(nint encoder);

    /// <summary>
    /// <c>opus_int32 opus_encode(OpusEncoder *st, const opus_int16 *pcm, int frame_size, unsigned char *data,
    /// opus_int32 max_data_bytes)</c> (opus.h): encodes one frame; returns the packet length or a negative error code.
    /// </summary>
    /// <seealso href="https://opus-codec.org/docs/opus_api-1.3.1/group__opus__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "opus_encode")]
    public static partial int Encode(OpusEncoderHandle encoder, short* pcm, int frameSize, byte* data, int maxDataBytes);

    /// <summary><c>int opus_encoder_ctl(OpusEncoder *st, int request, opus_int32 x)</c>: a setter request (opus.h).</summary>
    /// <seealso href="https://opus-codec.org/docs/opus_api-1.3.1/group__opus__encoderctls.html"/>
    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtlSet(OpusEncoderHandle encoder, int request, int value);

    /// <summary><c>int opus_encoder_ctl(OpusEncoder *st, int request, opus_int32 *x)</c>: a getter request (opus.h).</summary>
    /// <seealso href="https://opus-codec.org/docs/opus_api-1.3.1/group__opus__encoderctls.html"/>
    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtlGet(OpusEncoderHandle encoder, int request, int* value);

    /// <summary><c>const char *opus_strerror(int error)</c> (opus_defines.h): a static description of an error code.</summary>
    /// <seealso href="https://opus-codec.org/docs/opus_api-1.3.1/group__opus__libinfo.html"/>
    [LibraryImport(LibraryName, EntryPoint = "opus_strerror")]
    public static partial byte* StrError(int error);

    /// <summary><c>const char *opus_get_version_string(void)</c> (opus_defines.h), e.g. <c>libopus 1.3.1</c>.</summary>
    /// <seealso href="https://opus-codec.org/docs/opus_api-1.3.1/group__opus__libinfo.html"/>
    [LibraryImport(LibraryName, EntryPoint = "opus_get_version_string")]
    public static partial byte* GetVersionString();
}
