using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Flac.Interop;

/// <summary>The one place libFLAC failures become exceptions.</summary>
internal static unsafe class FlacError
{
    /// <summary>Throws when <c>FLAC__stream_encoder_new</c> returned NULL.</summary>
    public static void ThrowIfNull(nint encoder)
    {
        if (encoder == 0)
        {
            throw new InvalidOperationException("libFLAC failed to create an encoder (FLAC__stream_encoder_new returned NULL: out of memory).");
        }
    }

    /// <summary>Throws when a <c>FLAC__stream_encoder_set_*</c> call returned false.</summary>
    public static void ThrowIfRejected(bool accepted, string setting)
    {
        if (!accepted)
        {
            throw new InvalidOperationException($"libFLAC rejected the setting '{setting}' (the encoder is already initialised).");
        }
    }

    /// <summary>Throws unless <paramref name="status"/> is <see cref="FlacInitStatus.Ok"/>.</summary>
    public static void ThrowIfFailed(FlacInitStatus status, FlacEncoderHandle encoder)
    {
        if (status != FlacInitStatus.Ok)
        {
            string detail = status == FlacInitStatus.EncoderError ? $" ({StateOf(encoder)})" : string.Empty;
            throw new InvalidOperationException($"libFLAC failed to start the stream: {Describe(status)}{detail}.");
        }
    }

    /// <summary>Throws when <c>process_interleaved</c> or <c>finish</c> returned false, with the encoder's state.</summary>
    public static void ThrowIfFailed(bool succeeded, FlacEncoderHandle encoder, string operation)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException($"libFLAC failed to {operation}: {StateOf(encoder)}.");
        }
    }

    private static string StateOf(FlacEncoderHandle encoder)
        => Marshal.PtrToStringUTF8((nint)FlacNativeMethods.GetResolvedStateString(encoder)) ?? "unknown state";

    private static string Describe(FlacInitStatus status) => status switch
    {
        FlacInitStatus.InvalidNumberOfChannels => "invalid number of channels",
        FlacInitStatus.InvalidBitsPerSample => "invalid bits per sample",
        FlacInitStatus.InvalidSampleRate => "invalid sample rate",
        FlacInitStatus.NotStreamable => "the settings break the streamable subset",
        FlacInitStatus.InvalidCallbacks => "invalid callbacks",
        FlacInitStatus.AlreadyInitialized => "already initialised",
        _ => $"FLAC__STREAM_ENCODER_INIT_STATUS {status}",
    };
}
