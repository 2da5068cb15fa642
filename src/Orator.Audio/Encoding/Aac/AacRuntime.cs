using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Orator.Audio.Encoding.Aac.Interop;

namespace Orator.Audio.Encoding.Aac;

/// <summary>
/// libavcodec's native "aac" encoder as loaded into this process: the libraries are probed, libav's
/// logging is quieted and the struct layouts are self-checked once; later calls get the same outcome.
/// Builds the three native objects an <see cref="AacEncoder"/> owns.
/// </summary>
internal static unsafe class AacRuntime
{
    /// <summary>Samples per AAC LC frame; <c>frame_size</c> must report exactly this.</summary>
    public const int FrameSize = 1024;

    private const string EncoderName = "aac";
    private const string InstallHint = "install the Debian packages libavcodec59 libavutil57 (FFmpeg 5.x)";
    private const int ProbeSampleRate = 24000;
    private const int ProbeBitrate = 64000;

    private static readonly Lazy<string?> s_problem = new(Probe);
    private static void* s_codec;

    /// <summary>True when encoders can be created; otherwise <paramref name="problem"/> says what to install or what failed.</summary>
    public static bool IsAvailable([NotNullWhen(false)] out string? problem)
    {
        problem = s_problem.Value;
        return problem is null;
    }

    /// <summary>
    /// Whether libavcodec and libavutil are installed, found without loading them: the sonames in the
    /// usual library folders (multiarch first) or in <c>LD_LIBRARY_PATH</c>. Used where a report is
    /// wanted but the ~20 MB of libraries should stay out of the process until aac is really used.
    /// </summary>
    public static bool LibrariesInstalled()
    {
        var triplet = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x86_64-linux-gnu",
            Architecture.Arm64 => "aarch64-linux-gnu",
            _ => "",
        };
        string[] folders =
        [
            .. (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries),
            $"/usr/lib/{triplet}", $"/lib/{triplet}", "/usr/lib", "/lib", "/usr/local/lib",
        ];
        return folders.Any(f => File.Exists(Path.Combine(f, NativeMethods.CodecLibrary)))
            && folders.Any(f => File.Exists(Path.Combine(f, NativeMethods.UtilLibrary)));
    }

    /// <summary>Allocates and opens an AAC LC mono encoder; throws <see cref="InvalidOperationException"/> with libav's reason when it refuses.</summary>
    public static CodecContextHandle OpenEncoder(int sampleRate, int bitrate)
    {
        if (s_codec == null)
        {
            throw new InvalidOperationException("The aac encoder is not loaded; check IsAvailable first.");
        }

        CodecContextHandle context = NativeMethods.AllocContext(s_codec);
        try
        {
            if (context.IsInvalid)
            {
                throw LibavError.AllocationFailed("an AVCodecContext");
            }

            LibavError.ThrowIfFailed(NativeMethods.OptSetInt(context, "ar", sampleRate, 0), "set the sample rate");
            LibavError.ThrowIfFailed(NativeMethods.OptSet(context, "ch_layout", "mono", 0), "set the channel layout");
            LibavError.ThrowIfFailed(NativeMethods.OptSetInt(context, "b", bitrate, 0), "set the bit rate");
            LibavError.ThrowIfFailed(NativeMethods.OptSet(context, "profile", "aac_low", 0), "select the AAC LC profile");
            AvCodecContextLayout.SetSampleFormat(context, LibavConstants.SampleFormatFloatPlanar);
            LibavError.ThrowIfFailed(NativeMethods.Open(context, s_codec, null), $"open the aac encoder ({sampleRate} Hz, {bitrate} bit/s)");

            LibavError.ThrowIfFailed(NativeMethods.OptGetInt(context, "frame_size", 0, out long frameSize), "read frame_size");
            if (frameSize != FrameSize)
            {
                throw new InvalidOperationException($"libavcodec's aac encoder reports frame_size {frameSize}; AAC LC frames are {FrameSize} samples.");
            }

            return context;
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Allocates a reusable mono float-planar frame of <see cref="FrameSize"/> samples.</summary>
    public static FrameHandle AllocateFrame(int sampleRate)
    {
        FrameHandle frame = NativeMethods.AllocFrame();
        try
        {
            if (frame.IsInvalid)
            {
                throw LibavError.AllocationFailed("an AVFrame");
            }

            AvFrameLayout.DescribeMono(frame, LibavConstants.SampleFormatFloatPlanar, sampleRate, FrameSize);
            LibavError.ThrowIfFailed(NativeMethods.GetFrameBuffer(frame, 0), "allocate the audio frame buffer");
            return frame;
        }
        catch
        {
            frame.Dispose();
            throw;
        }
    }

    /// <summary>Allocates the packet the encoder's output is received into.</summary>
    public static PacketHandle AllocatePacket()
    {
        PacketHandle packet = NativeMethods.AllocPacket();
        if (packet.IsInvalid)
        {
            packet.Dispose();
            throw LibavError.AllocationFailed("an AVPacket");
        }

        return packet;
    }

    private static string? Probe()
    {
        if (!Environment.Is64BitProcess)
        {
            return "The AAC encoder binding supports 64-bit processes only (its libav struct offsets are LP64).";
        }

        if (!NativeLibrary.TryLoad(NativeMethods.UtilLibrary, out _) || !NativeLibrary.TryLoad(NativeMethods.CodecLibrary, out _))
        {
            return $"libavcodec not found ({NativeMethods.CodecLibrary}, {NativeMethods.UtilLibrary}): {InstallHint}.";
        }

        try
        {
            uint codecMajor = NativeMethods.AvcodecVersion() >> 16;
            uint utilMajor = NativeMethods.AvutilVersion() >> 16;
            if (codecMajor != LibavConstants.CodecMajor || utilMajor != LibavConstants.UtilMajor)
            {
                return $"libavcodec {codecMajor} / libavutil {utilMajor} found, but the AAC binding was built for {LibavConstants.CodecMajor} / {LibavConstants.UtilMajor}: {InstallHint}.";
            }

            // Once per process: libav logs to stderr by default, and a server must not.
            NativeMethods.LogSetLevel(LibavConstants.LogError);

            s_codec = NativeMethods.FindEncoderByName(EncoderName);
            if (s_codec == null)
            {
                return $"{NativeMethods.CodecLibrary} has no native '{EncoderName}' encoder: {InstallHint}.";
            }

            return SelfCheck();
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException or InvalidOperationException)
        {
            return $"libavcodec's aac encoder is not usable: {ex.Message}";
        }
    }

    /// <summary>Verifies every struct offset against values libav writes, then encodes one frame of silence end to end.</summary>
    private static string? SelfCheck()
    {
        using (CodecContextHandle fresh = NativeMethods.AllocContext(s_codec))
        using (FrameHandle frame = NativeMethods.AllocFrame())
        using (PacketHandle packet = NativeMethods.AllocPacket())
        {
            if (fresh.IsInvalid || frame.IsInvalid || packet.IsInvalid)
            {
                return "libav could not allocate the objects for its self-check.";
            }

            string? problem = AvCodecContextLayout.Check(fresh) ?? AvFrameLayout.CheckDefaults(frame) ?? AvPacketLayout.Check(packet);
            if (problem is not null)
            {
                return $"The installed libav does not match the layout the AAC binding expects: {problem}.";
            }
        }

        using CodecContextHandle context = OpenEncoder(ProbeSampleRate, ProbeBitrate);
        using FrameHandle silence = AllocateFrame(ProbeSampleRate);
        using PacketHandle output = AllocatePacket();
        string? allocated = AvFrameLayout.CheckAllocated(silence, LibavConstants.SampleFormatFloatPlanar, FrameSize);
        if (allocated is not null)
        {
            return $"The installed libav does not match the layout the AAC binding expects: {allocated}.";
        }

        new Span<float>(AvFrameLayout.Plane0(silence), FrameSize).Clear();
        LibavError.ThrowIfFailed(NativeMethods.SendFrame(context, silence), "encode a frame of silence");
        LibavError.ThrowIfFailed(NativeMethods.SendEndOfStream(context, null), "flush the encoder");
        int packets = 0;
        int result;
        while ((result = NativeMethods.ReceivePacket(context, output)) == 0)
        {
            int size = AvPacketLayout.Payload(output).Length;
            NativeMethods.UnrefPacket(output);
            if (size <= 0 || size > AdtsHeader.MaxFrameLength - AdtsHeader.Length)
            {
                return $"The aac encoder produced a packet of {size} bytes in its self-check.";
            }

            packets++;
        }

        if (result != LibavConstants.ErrorEndOfFile)
        {
            LibavError.ThrowIfFailed(result, "drain the encoder");
        }

        return packets > 0 ? null : "The aac encoder produced no packets for a frame of silence in its self-check.";
    }
}
