using Microsoft.Win32.SafeHandles;

namespace Orator.Audio.Encoding.Aac.Interop;

/// <summary>Owns an <c>AVCodecContext*</c>; released with <c>avcodec_free_context</c>, which also closes the codec.</summary>
internal sealed unsafe class CodecContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller for <see cref="NativeMethods.AllocContext"/>.</summary>
    public CodecContextHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        nint context = handle;
        NativeMethods.FreeContext(&context);
        return true;
    }
}
