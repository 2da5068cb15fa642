using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Flac.Interop;

/// <summary>
/// Where libFLAC's write callback puts bytes: the <see cref="IBufferWriter{T}"/> of the call in
/// progress. Reached from native code through a <see cref="GCHandle"/> (see <see cref="FlacEncoderHandle"/>).
/// Outside a call there is no writer and bytes are dropped (that only happens while an unfinished
/// encoder is deleted).
/// </summary>
internal sealed unsafe class FlacStreamSink
{
    private IBufferWriter<byte>? _output;
    private ExceptionDispatchInfo? _failure;

    /// <summary>The callback to hand to <c>FLAC__stream_encoder_init_stream</c>.</summary>
    public static delegate* unmanaged<nint, byte*, nuint, uint, uint, nint, int> WriteCallback => &OnWrite;

    /// <summary>Routes callbacks to <paramref name="output"/> until <see cref="End"/>.</summary>
    public void Begin(IBufferWriter<byte> output)
    {
        _output = output;
        _failure = null;
    }

    /// <summary>Stops routing; rethrows what the writer threw during the call, if anything.</summary>
    public void End()
    {
        _output = null;
        ExceptionDispatchInfo? failure = _failure;
        _failure = null;
        failure?.Throw();
    }

    [UnmanagedCallersOnly]
    private static int OnWrite(nint encoder, byte* buffer, nuint bytes, uint samples, uint currentFrame, nint clientData)
    {
        if (GCHandle.FromIntPtr(clientData).Target is not FlacStreamSink sink)
        {
            return FlacNativeMethods.WriteStatusFatalError;
        }

        return sink.Write(new ReadOnlySpan<byte>(buffer, checked((int)bytes)));
    }

    private int Write(ReadOnlySpan<byte> bytes)
    {
        if (_output is null)
        {
            return FlacNativeMethods.WriteStatusOk;
        }

        try
        {
            _output.Write(bytes);
            return FlacNativeMethods.WriteStatusOk;
        }
#pragma warning disable CA1031 // An exception must not cross into C; it is rethrown by End().
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _failure = ExceptionDispatchInfo.Capture(exception);
            return FlacNativeMethods.WriteStatusFatalError;
        }
    }
}
