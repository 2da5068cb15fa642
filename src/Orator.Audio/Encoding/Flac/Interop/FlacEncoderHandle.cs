using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Orator.Audio.Encoding.Flac.Interop;

/// <summary>
/// Owns one <c>FLAC__StreamEncoder*</c> and the <see cref="GCHandle"/> its write callback receives as
/// <c>client_data</c>. Releasing deletes the encoder first and frees the GC handle after, so a
/// callback can never see a freed handle, even when the release comes from the finalizer.
/// </summary>
internal sealed class FlacEncoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private GCHandle _sink;

    private FlacEncoderHandle(nint encoder, FlacStreamSink sink)
        : base(ownsHandle: true)
    {
        SetHandle(encoder);
        _sink = GCHandle.Alloc(sink);
    }

    /// <summary>The value to pass as <c>client_data</c>: resolves to the <see cref="FlacStreamSink"/>.</summary>
    public nint ClientData => GCHandle.ToIntPtr(_sink);

    /// <summary>Creates an encoder whose callbacks will write through <paramref name="sink"/>.</summary>
    public static FlacEncoderHandle Create(FlacStreamSink sink)
    {
        nint encoder = FlacNativeMethods.New();
        FlacError.ThrowIfNull(encoder);
        return new FlacEncoderHandle(encoder, sink);
    }

    protected override bool ReleaseHandle()
    {
        FlacNativeMethods.Delete(handle);
        _sink.Free();
        return true;
    }
}
