using Microsoft.Win32.SafeHandles;

namespace Orator.Audio.Encoding.Aac.Interop;

/// <summary>Owns an <c>AVFrame*</c> and its buffers; released with <c>av_frame_free</c>.</summary>
internal sealed unsafe class FrameHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller for <see cref="NativeMethods.AllocFrame"/>.</summary>
    public FrameHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        nint frame = handle;
        NativeMethods.FreeFrame(&frame);
        return true;
    }
}
