using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Aac.Interop;

/// <summary>
/// The leading fields of <c>AVOption</c> (<c>libavutil/opt.h</c>), as returned by
/// <see cref="NativeMethods.OptFind"/>; only read, never allocated here. Its <see cref="Offset"/>
/// is the library's own statement of where an option's value lives in the target struct, which
/// is what the context layout check trusts.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct AvOption
{
    /// <summary><c>const char *name</c>.</summary>
    public byte* Name;

    /// <summary><c>const char *help</c>.</summary>
    public byte* Help;

    /// <summary><c>int offset</c>: byte offset of the value in the struct (0 for named constants).</summary>
    public int Offset;

    /// <summary><c>enum AVOptionType type</c>.</summary>
    public int Type;
}
