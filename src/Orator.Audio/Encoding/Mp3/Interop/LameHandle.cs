using Microsoft.Win32.SafeHandles;

namespace Orator.Audio.Encoding.Mp3.Interop;

/// <summary>Owns one <c>lame_global_flags*</c>; releasing it calls <c>lame_close</c>.</summary>
internal sealed class LameHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller for <see cref="LameNativeMethods.Init"/>.</summary>
    public LameHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => LameNativeMethods.Close(handle) == 0;
}
