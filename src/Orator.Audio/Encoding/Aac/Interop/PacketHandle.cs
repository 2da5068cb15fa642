using Microsoft.Win32.SafeHandles;

namespace Orator.Audio.Encoding.Aac.Interop;

/// <summary>Owns an <c>AVPacket*</c> and any payload it still holds; released with <c>av_packet_free</c>.</summary>
internal sealed unsafe class PacketHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller for <see cref="NativeMethods.AllocPacket"/>.</summary>
    public PacketHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        nint packet = handle;
        NativeMethods.FreePacket(&packet);
        return true;
    }
}
