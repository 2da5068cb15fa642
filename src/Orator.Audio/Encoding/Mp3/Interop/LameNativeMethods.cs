using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Mp3.Interop;

/// <summary>
/// Imports from <c>libmp3lame.so.0</c> (LAME 3.100, Debian package libmp3lame0), following
/// <c>/usr/include/lame/lame.h</c>. Setters return 0 on success and a negative value for an
/// argument LAME rejects; the encode calls return a byte count or a negative error code
/// (see <see cref="LameError"/>). Every argument is a pointer or a primitive.
/// </summary>
internal static unsafe partial class LameNativeMethods
{
    /// <summary>The library's soname.</summary>
    public const string LibraryName = "libmp3lame.so.0";

    /// <summary><c>MONO</c> in <c>MPEG_mode</c>.</summary>
    public const int ModeMono = 3;

    /// <summary><c>vbr_off</c> in <c>vbr_mode</c>: constant bitrate.</summary>
    public const int VbrOff = 0;

    /// <summary><c>lame_global_flags *lame_init(void)</c>: NULL when allocation failed.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_init")]
    public static partial LameHandle Init();

    /// <summary><c>int lame_close(lame_global_flags *)</c>: frees everything <c>lame_init</c> allocated.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_close")]
    public static partial int Close(nint flags);

    /// <summary><c>int lame_set_in_samplerate(lame_global_flags *, int)</c>.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_set_in_samplerate")]
    public static partial int SetInSampleRate(LameHandle flags, int sampleRate);

    /// <summary>
    /// <c>int lame_set_out_samplerate(lame_global_flags *, int)</c>: 0 lets LAME pick; MPEG-1 allows
    /// 32/44.1/48 kHz, MPEG-2 16/22.05/24 kHz, MPEG-2.5 8/11.025/12 kHz.
    /// </summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_set_out_samplerate")]
    public static partial int SetOutSampleRate(LameHandle flags, int sampleRate);

    /// <summary><c>int lame_set_num_channels(lame_global_flags *, int)</c>.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_set_num_channels")]
    public static partial int SetNumChannels(LameHandle flags, int channels);

    /// <summary><c>int lame_set_mode(lame_global_flags *, MPEG_mode)</c>.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_set_mode")]
    public static partial int SetMode(LameHandle flags, int mode);

    /// <summary><c>int lame_set_VBR(lame_global_flags *, vbr_mode)</c>.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_set_VBR")]
    public static partial int SetVbr(LameHandle flags, int mode);

    /// <summary><c>int lame_set_brate(lame_global_flags *, int)</c>: the CBR bitrate in kbps.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_set_brate")]
    public static partial int SetBitrate(LameHandle flags, int kbps);

    /// <summary><c>int lame_get_brate(const lame_global_flags *)</c>.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_get_brate")]
    public static partial int GetBitrate(LameHandle flags);

    /// <summary><c>int lame_set_quality(lame_global_flags *, int)</c>: algorithm choice, 0 = best/slowest, 9 = worst.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_set_quality")]
    public static partial int SetQuality(LameHandle flags, int quality);

    /// <summary><c>int lame_set_bWriteVbrTag(lame_global_flags *, int)</c>: 1 (the default) starts the stream with a Xing/Info frame.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_set_bWriteVbrTag")]
    public static partial int SetWriteVbrTag(LameHandle flags, int write);

    /// <summary><c>void lame_set_write_id3tag_automatic(lame_global_flags *, int)</c>: 0 keeps ID3 tags out of the encoded stream.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_set_write_id3tag_automatic")]
    public static partial void SetWriteId3TagAutomatic(LameHandle flags, int automatic);

    /// <summary><c>int lame_init_params(lame_global_flags *)</c>: validates and applies the settings; -1 on failure.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_init_params")]
    public static partial int InitParams(LameHandle flags);

    /// <summary><c>int lame_get_out_samplerate(const lame_global_flags *)</c>.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_get_out_samplerate")]
    public static partial int GetOutSampleRate(LameHandle flags);

    /// <summary><c>int lame_get_version(const lame_global_flags *)</c>: 0 = MPEG-2, 1 = MPEG-1, 2 = MPEG-2.5.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_get_version")]
    public static partial int GetMpegVersion(LameHandle flags);

    /// <summary><c>int lame_get_framesize(const lame_global_flags *)</c>: samples per frame (576 or 1152).</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_get_framesize")]
    public static partial int GetFrameSize(LameHandle flags);

    /// <summary><c>int lame_get_encoder_delay(const lame_global_flags *)</c>: silent samples the encoder puts before the input.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_get_encoder_delay")]
    public static partial int GetEncoderDelay(LameHandle flags);

    /// <summary><c>int lame_get_encoder_padding(const lame_global_flags *)</c>: samples appended at the end; 0 until <c>lame_encode_flush</c>.</summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_get_encoder_padding")]
    public static partial int GetEncoderPadding(LameHandle flags);

    /// <summary>
    /// <c>int lame_encode_buffer(lame_global_flags *, const short *buffer_l, const short *buffer_r,
    /// int nsamples, unsigned char *mp3buf, int mp3buf_size)</c>: <c>buffer_r</c> is ignored for mono.
    /// Worst-case output: 1.25 * nsamples + 7200 bytes.
    /// </summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_encode_buffer")]
    public static partial int EncodeBuffer(LameHandle flags, short* left, short* right, int samples, byte* mp3, int mp3Size);

    /// <summary>
    /// <c>int lame_encode_flush(lame_global_flags *, unsigned char *mp3buf, int size)</c>: pads the last
    /// frame with silence and returns the remaining frames; needs up to 7200 bytes.
    /// </summary>
    /// <seealso href="https://sourceforge.net/p/lame/svn/HEAD/tree/trunk/lame/include/lame.h"/>
    [LibraryImport(LibraryName, EntryPoint = "lame_encode_flush")]
    public static partial int EncodeFlush(LameHandle flags, byte* mp3, int size);
}
