using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Aac.Interop;

/// <summary>
/// Imports from FFmpeg 5.1's <c>libavcodec.so.59</c> and <c>libavutil.so.57</c> (Debian packages
/// libavcodec59 and libavutil57), following the headers under
/// <c>/usr/include/x86_64-linux-gnu/libav{codec,util}</c>. Only the entry points the AAC encoder
/// needs; struct fields are reached through the <c>*Layout</c> classes next to this one.
/// Strings are NUL-terminated UTF-8 (ASCII option names), marshalled on the stack.
/// </summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>libavcodec's soname for FFmpeg 5.x.</summary>
    public const string CodecLibrary = "libavcodec.so.59";

    /// <summary>libavutil's soname for FFmpeg 5.x.</summary>
    public const string UtilLibrary = "libavutil.so.57";

    /// <summary><c>unsigned avcodec_version(void)</c>: <c>LIBAVCODEC_VERSION_INT</c> of the loaded library.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__misc.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "avcodec_version")]
    public static partial uint AvcodecVersion();

    /// <summary><c>const AVCodec *avcodec_find_encoder_by_name(const char *name)</c>; NULL when absent.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__encoding.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "avcodec_find_encoder_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void* FindEncoderByName(string name);

    /// <summary><c>AVCodecContext *avcodec_alloc_context3(const AVCodec *codec)</c>: defaults for <paramref name="codec"/>; NULL on failure.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__core.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "avcodec_alloc_context3")]
    public static partial CodecContextHandle AllocContext(void* codec);

    /// <summary><c>void avcodec_free_context(AVCodecContext **avctx)</c>: closes, frees and NULLs the context.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__core.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "avcodec_free_context")]
    public static partial void FreeContext(nint* context);

    /// <summary><c>int avcodec_open2(AVCodecContext *avctx, const AVCodec *codec, AVDictionary **options)</c>.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__core.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "avcodec_open2")]
    public static partial int Open(CodecContextHandle context, void* codec, void* options);

    /// <summary><c>int avcodec_send_frame(AVCodecContext *avctx, const AVFrame *frame)</c>: the encoder references the frame's buffer.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__decoding.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "avcodec_send_frame")]
    public static partial int SendFrame(CodecContextHandle context, FrameHandle frame);

    /// <summary><c>avcodec_send_frame(avctx, NULL)</c>: enters draining mode (end of stream).</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__decoding.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "avcodec_send_frame")]
    public static partial int SendEndOfStream(CodecContextHandle context, void* noFrame);

    /// <summary>
    /// <c>int avcodec_receive_packet(AVCodecContext *avctx, AVPacket *avpkt)</c>: 0 with a packet,
    /// <c>AVERROR(EAGAIN)</c> when more input is needed, <c>AVERROR_EOF</c> when fully drained.
    /// </summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__decoding.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "avcodec_receive_packet")]
    public static partial int ReceivePacket(CodecContextHandle context, PacketHandle packet);

    /// <summary><c>AVPacket *av_packet_alloc(void)</c>: an empty packet with default fields; NULL on failure.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__packet.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "av_packet_alloc")]
    public static partial PacketHandle AllocPacket();

    /// <summary><c>void av_packet_free(AVPacket **pkt)</c>: unreferences, frees and NULLs the packet.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__packet.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "av_packet_free")]
    public static partial void FreePacket(nint* packet);

    /// <summary><c>void av_packet_unref(AVPacket *pkt)</c>: drops the payload and resets the fields.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__packet.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "av_packet_unref")]
    public static partial void UnrefPacket(PacketHandle packet);

    /// <summary><c>int av_new_packet(AVPacket *pkt, int size)</c>: gives the packet a payload of <paramref name="size"/> bytes (used by the layout check).</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavc__packet.html"/>
    [LibraryImport(CodecLibrary, EntryPoint = "av_new_packet")]
    public static partial int NewPacket(PacketHandle packet, int size);

    /// <summary><c>unsigned avutil_version(void)</c>: <c>LIBAVUTIL_VERSION_INT</c> of the loaded library.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavu.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "avutil_version")]
    public static partial uint AvutilVersion();

    /// <summary><c>void av_log_set_level(int level)</c>: process-wide threshold for libav's log callback (stderr by default).</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavu__log.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_log_set_level")]
    public static partial void LogSetLevel(int level);

    /// <summary><c>int av_strerror(int errnum, char *errbuf, size_t errbuf_size)</c>: a description of an <c>AVERROR</c>; negative when unknown.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavu__error.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_strerror")]
    public static partial int StrError(int error, byte* buffer, nuint bufferSize);

    /// <summary><c>int av_opt_set(void *obj, const char *name, const char *val, int search_flags)</c>: sets an option from its string form.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__opt__set__funcs.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_opt_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int OptSet(CodecContextHandle target, string name, string value, int searchFlags);

    /// <summary><c>int av_opt_set_int(void *obj, const char *name, int64_t val, int search_flags)</c>.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__opt__set__funcs.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_opt_set_int", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int OptSetInt(CodecContextHandle target, string name, long value, int searchFlags);

    /// <summary><c>int av_opt_get_int(void *obj, const char *name, int search_flags, int64_t *out_val)</c>.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__opt__get__funcs.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_opt_get_int", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int OptGetInt(CodecContextHandle target, string name, int searchFlags, out long value);

    /// <summary>
    /// <c>const AVOption *av_opt_find(void *obj, const char *name, const char *unit, int opt_flags, int search_flags)</c>:
    /// the option's description, including where its value lives in the struct; NULL when absent.
    /// </summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__avoptions.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_opt_find", StringMarshalling = StringMarshalling.Utf8)]
    public static partial AvOption* OptFind(CodecContextHandle target, string name, string? unit, int optionFlags, int searchFlags);

    /// <summary><c>AVFrame *av_frame_alloc(void)</c>: a frame with default fields and no buffers; NULL on failure.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavu__frame.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_frame_alloc")]
    public static partial FrameHandle AllocFrame();

    /// <summary><c>void av_frame_free(AVFrame **frame)</c>: unreferences, frees and NULLs the frame.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavu__frame.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_frame_free")]
    public static partial void FreeFrame(nint* frame);

    /// <summary><c>int av_frame_get_buffer(AVFrame *frame, int align)</c>: allocates the planes for format, nb_samples and ch_layout.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavu__frame.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_frame_get_buffer")]
    public static partial int GetFrameBuffer(FrameHandle frame, int align);

    /// <summary><c>int av_frame_make_writable(AVFrame *frame)</c>: copies the planes only if someone else still references them.</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavu__frame.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_frame_make_writable")]
    public static partial int MakeFrameWritable(FrameHandle frame);

    /// <summary><c>void av_channel_layout_default(AVChannelLayout *ch_layout, int nb_channels)</c>: the native layout for a channel count (1 = mono).</summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavu__audio__channels.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_channel_layout_default")]
    public static partial void DefaultChannelLayout(void* layout, int channels);

    /// <summary>
    /// <c>int av_samples_get_buffer_size(int *linesize, int nb_channels, int nb_samples, enum AVSampleFormat sample_fmt, int align)</c>
    /// (used by the layout check to predict a frame's line size).
    /// </summary>
    /// <seealso href="https://ffmpeg.org/doxygen/5.1/group__lavu__sampmanip.html"/>
    [LibraryImport(UtilLibrary, EntryPoint = "av_samples_get_buffer_size")]
    public static partial int SamplesBufferSize(int* lineSize, int channels, int samples, int sampleFormat, int align);
}
