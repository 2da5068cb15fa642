using Microsoft.Win32.SafeHandles;

namespace Orator.Audio.Encoding.Opus.Interop;

/// <summary>Owns an <c>OpusEncoder*</c> from <c>opus_encoder_create</c>; destroys it exactly once.</summary>
internal sealed class OpusEncoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Called by the interop marshaller, which then sets the handle.</summary>
    public OpusEncoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.EncoderDestroy(handle);
        return true;
    }
}
