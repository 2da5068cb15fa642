using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Orator.Engines.Flite.Interop;

namespace Orator.Engines.Flite;

/// <summary>
/// A private copy of a SPAM clustergen voice's model (<c>cst_cg_db</c>) with SPAM F0 switched off.
/// RMS predicts F0 with the SPAM accent model, which runs after the target mean is applied and
/// so ignores <c>f0_shift</c> and <c>int_f0_target_mean</c>; without SPAM the voice uses its
/// regular F0 trees (which it also ships) and follows <c>f0_shift</c>. The copy is put on an
/// utterance only when a pitch change is asked for, so neutral pitch sounds exactly as shipped.
/// The model's data stays in the voice library; only the 280-byte header is copied.
/// </summary>
internal sealed unsafe class FliteCgPitchModel : SafeHandleZeroOrMinusOneIsInvalid
{
    private FliteCgPitchModel(CstCgDb* copy) : base(ownsHandle: true) => SetHandle((nint)copy);

    /// <summary>
    /// Returns a pitch-following copy of <paramref name="voice"/>'s model, or null when the voice
    /// is not a clustergen voice or already follows <c>f0_shift</c>.
    /// </summary>
    public static FliteCgPitchModel? TryCreate(CstVoice* voice)
    {
        var value = NativeMethods.GetParamVal(voice->Features, FliteStrings.CgDb, null);
        if (value == null)
        {
            return null;
        }

        var original = NativeMethods.ValCgDb(value);
        if (original == null || original->SpamF0 == 0)
        {
            return null;
        }

        var copy = (CstCgDb*)NativeMemory.Alloc((nuint)sizeof(CstCgDb));
        *copy = *original;
        copy->SpamF0 = 0;
        copy->Freeable = 0; // delete_cg_db must never free our copy or the library's data.
        return new FliteCgPitchModel(copy);
    }

    /// <summary>Makes the utterance owning <paramref name="utteranceFeatures"/> use this model.</summary>
    public void ApplyTo(void* utteranceFeatures)
        => NativeMethods.FeatSet(utteranceFeatures, FliteStrings.CgDb, NativeMethods.CgDbVal((CstCgDb*)handle));

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }
}
