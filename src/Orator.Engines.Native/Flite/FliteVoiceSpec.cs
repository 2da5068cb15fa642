using Orator.Core.Engines;

namespace Orator.Engines.Flite;

/// <summary>
/// A voice Flite ships as a shared library (Debian package libflite1). The sample rate is not
/// part of the spec: it is read from the voice's own output when the voice is registered.
/// </summary>
/// <param name="NativeName">The short name clients use (<c>slt</c>).</param>
/// <param name="LibraryName">The voice library's soname.</param>
/// <param name="RegisterFunction">The library's <c>register_cmu_us_*</c> export.</param>
/// <param name="Language">Language tag of the accent.</param>
/// <param name="Gender">Speaker gender.</param>
/// <param name="DisplayName">Human-readable name.</param>
internal sealed record FliteVoiceSpec(
    string NativeName,
    string LibraryName,
    string RegisterFunction,
    string Language,
    VoiceGender Gender,
    string DisplayName)
{
    /// <summary>
    /// The five voices of Flite 2.2. AWB is a Scottish speaker: tagged <c>en-GB</c> for his accent,
    /// although the text front end (lexicon, number reading) is Flite's US English one.
    /// </summary>
    public static IReadOnlyList<FliteVoiceSpec> All { get; } =
    [
        new("slt", "libflite_cmu_us_slt.so.1", "register_cmu_us_slt", "en-US", VoiceGender.Female, "SLT (US English, female)"),
        new("rms", "libflite_cmu_us_rms.so.1", "register_cmu_us_rms", "en-US", VoiceGender.Male, "RMS (US English, male)"),
        new("awb", "libflite_cmu_us_awb.so.1", "register_cmu_us_awb", "en-GB", VoiceGender.Male, "AWB (Scottish English, male)"),
        new("kal16", "libflite_cmu_us_kal16.so.1", "register_cmu_us_kal16", "en-US", VoiceGender.Male, "Kal (US English, male, diphone, 16 kHz)"),
        new("kal", "libflite_cmu_us_kal.so.1", "register_cmu_us_kal", "en-US", VoiceGender.Male, "Kal (US English, male, diphone, 8 kHz)"),
    ];
}
