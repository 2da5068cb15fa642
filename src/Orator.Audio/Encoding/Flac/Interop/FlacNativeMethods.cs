using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Flac.Interop;

/// <summary>
/// Imports from <c>libFLAC.so.12</c> (libFLAC 1.4, Debian package libflac12), following
/// <c>/usr/include/FLAC/stream_encoder.h</c>. <c>FLAC__bool</c> is a C <c>int</c>; every other
/// argument is a pointer or a primitive.
/// </summary>
internal static unsafe partial class FlacNativeMethods
{
    /// <summary>The library's soname.</summary>
    public const string LibraryName = "libFLAC.so.12";

    /// <summary><c>FLAC__STREAM_ENCODER_WRITE_STATUS_OK</c>.</summary>
    public const int WriteStatusOk = 0;

    /// <summary><c>FLAC__STREAM_ENCODER_WRITE_STATUS_FATAL_ERROR</c>: the encoder stops with a client error.</summary>
    public const int WriteStatusFatalError = 1;

    /// <summary><c>FLAC__StreamEncoder *FLAC__stream_encoder_new(void)</c>: NULL when allocation failed.</summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_new")]
    public static partial nint New();

    /// <summary><c>void FLAC__stream_encoder_delete(FLAC__StreamEncoder *)</c>: finishes (without writing) and frees.</summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_delete")]
    public static partial void Delete(nint encoder);

    /// <summary><c>FLAC__bool FLAC__stream_encoder_set_channels(FLAC__StreamEncoder *, uint32_t)</c>.</summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_set_channels")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetChannels(FlacEncoderHandle encoder, uint channels);

    /// <summary><c>FLAC__bool FLAC__stream_encoder_set_bits_per_sample(FLAC__StreamEncoder *, uint32_t)</c>.</summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_set_bits_per_sample")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetBitsPerSample(FlacEncoderHandle encoder, uint bits);

    /// <summary><c>FLAC__bool FLAC__stream_encoder_set_sample_rate(FLAC__StreamEncoder *, uint32_t)</c>.</summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_set_sample_rate")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetSampleRate(FlacEncoderHandle encoder, uint sampleRate);

    /// <summary><c>FLAC__bool FLAC__stream_encoder_set_compression_level(FLAC__StreamEncoder *, uint32_t)</c>: 0 (fastest) .. 8.</summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_set_compression_level")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetCompressionLevel(FlacEncoderHandle encoder, uint level);

    /// <summary><c>FLAC__bool FLAC__stream_encoder_set_streamable_subset(FLAC__StreamEncoder *, FLAC__bool)</c>.</summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_set_streamable_subset")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetStreamableSubset(FlacEncoderHandle encoder, [MarshalAs(UnmanagedType.Bool)] bool value);

    /// <summary>
    /// <c>FLAC__StreamEncoderInitStatus FLAC__stream_encoder_init_stream(FLAC__StreamEncoder *,
    /// write_callback, seek_callback, tell_callback, metadata_callback, void *client_data)</c>.
    /// Calls the write callback with <c>fLaC</c> and the metadata blocks before returning.
    /// Write callback: <c>FLAC__StreamEncoderWriteStatus (*)(const FLAC__StreamEncoder *,
    /// const FLAC__byte buffer[], size_t bytes, uint32_t samples, uint32_t current_frame, void *client_data)</c>.
    /// </summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_init_stream")]
    public static partial FlacInitStatus InitStream(
        FlacEncoderHandle encoder,
        delegate* unmanaged<nint, byte*, nuint, uint, uint, nint, int> writeCallback,
        void* seekCallback,
        void* tellCallback,
        void* metadataCallback,
        nint clientData);

    /// <summary>
    /// <c>FLAC__bool FLAC__stream_encoder_process_interleaved(FLAC__StreamEncoder *, const FLAC__int32 buffer[], uint32_t samples)</c>:
    /// samples right-justified to the bit depth; may call the write callback for each finished frame.
    /// </summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_process_interleaved")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool ProcessInterleaved(FlacEncoderHandle encoder, int* buffer, uint samples);

    /// <summary>
    /// <c>FLAC__bool FLAC__stream_encoder_finish(FLAC__StreamEncoder *)</c>: encodes the last (short)
    /// frame through the write callback and returns the encoder to the uninitialised state.
    /// </summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_finish")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool Finish(FlacEncoderHandle encoder);

    /// <summary><c>const char *FLAC__stream_encoder_get_resolved_state_string(const FLAC__StreamEncoder *)</c>: static text.</summary>
    /// <seealso href="https://xiph.org/flac/api/group__flac__stream__encoder.html"/>
    [LibraryImport(LibraryName, EntryPoint = "FLAC__stream_encoder_get_resolved_state_string")]
    public static partial byte* GetResolvedStateString(FlacEncoderHandle encoder);
}
