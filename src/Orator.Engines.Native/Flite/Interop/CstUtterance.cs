using System.Runtime.InteropServices;

namespace Orator.Engines.Flite.Interop;

/// <summary>
/// The head of <c>cst_utterance</c> from <c>/usr/include/flite/cst_utterance.h</c>. Only the
/// feature set is read: per-request prosody is written there, where it overrides the voice's
/// features for that utterance alone.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CstUtterance
{
    /// <summary><c>cst_features *features</c>.</summary>
    public void* Features;

    /// <summary><c>cst_features *ffunctions</c>.</summary>
    public void* FFunctions;

    /// <summary><c>cst_features *relations</c>.</summary>
    public void* Relations;

    /// <summary><c>cst_alloc_context ctx</c> (a pointer).</summary>
    public void* Context;
}
