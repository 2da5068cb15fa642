using Orator.Core.Engines;
using Orator.Engines.Flite.Interop;

namespace Orator.Engines.Flite;

/// <summary>
/// A registered Flite voice. Voices live for the whole process: each voice library's
/// <c>register_*</c> returns one shared voice, so no instance could safely unregister it.
/// </summary>
internal sealed unsafe class FliteVoice
{
    /// <summary>Tempo multipliers Flite honours through <c>duration_stretch</c> (measured).</summary>
    public static readonly RateRange Rates = new(0.25f, 4f);

    private readonly nint _native;

    public FliteVoice(EngineVoice voice, CstVoice* native, float baseDurationStretch, FliteCgPitchModel? pitchModel)
    {
        Voice = voice;
        _native = (nint)native;
        BaseDurationStretch = baseDurationStretch;
        PitchModel = pitchModel;
    }

    /// <summary>The voice as the engine reports it.</summary>
    public EngineVoice Voice { get; }

    /// <summary>The native voice.</summary>
    public CstVoice* Native => (CstVoice*)_native;

    /// <summary>The voice's own <c>duration_stretch</c> (the kal voices ship 1.1); rates scale it.</summary>
    public float BaseDurationStretch { get; }

    /// <summary>For SPAM clustergen voices (rms): the model to use when pitch is changed.</summary>
    public FliteCgPitchModel? PitchModel { get; }
}
