using Orator.Engines.Native;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Orator.Core.Engines;
using Orator.Engines.Flite.Interop;

namespace Orator.Engines.Flite;

/// <summary>
/// Flite as loaded into this process: the native libraries, <c>flite_init</c> and the registered
/// voices. Loaded once and kept for the life of the process (Flite's voices are per-library
/// singletons and unloading the libraries under them is never safe).
/// </summary>
internal static unsafe class FliteRuntime
{
    private const string InstallHint = "install the Debian packages flite libflite1";
    private static readonly string[] SupportLibraries = ["libflite_usenglish.so.1", "libflite_cmulex.so.1"];

    private static readonly Lock s_loadGate = new();
    private static IReadOnlyList<FliteVoice>? s_voices;
    private static string? s_problem;
    private static bool s_loaded;

    /// <summary>
    /// Serialises synthesis: voices and the streaming state are shared by the process, and so is
    /// the C library's random state that CG voices draw from (see <see cref="NativeRandom"/>).
    /// </summary>
    public static Lock SynthesisGate => NativeRandom.Gate;

    /// <summary>Loads Flite and registers its voices, once; later calls return the same outcome.</summary>
    public static bool TryLoad(out IReadOnlyList<FliteVoice> voices, [NotNullWhen(false)] out string? problem)
    {
        lock (s_loadGate)
        {
            if (!s_loaded)
            {
                lock (SynthesisGate)
                {
                    s_voices = Load(out s_problem); // probing sample rates synthesises
                }

                s_loaded = true;
            }
        }

        voices = s_voices ?? [];
        problem = s_problem;
        return s_voices is not null;
    }

    private static List<FliteVoice>? Load(out string? problem)
    {
        if (!NativeLibrary.TryLoad(NativeMethods.LibraryName, out _))
        {
            problem = $"Flite library not found ({NativeMethods.LibraryName}): {InstallHint}.";
            return null;
        }

        foreach (var library in SupportLibraries)
        {
            if (!NativeLibrary.TryLoad(library, out _))
            {
                problem = $"Flite language library not found ({library}): {InstallHint}.";
                return null;
            }
        }

        if (NativeMethods.FliteInit() != 0)
        {
            problem = "Flite failed to initialise (flite_init returned an error).";
            return null;
        }

        var voices = new List<FliteVoice>();
        var missing = new List<string>();
        foreach (var spec in FliteVoiceSpec.All)
        {
            var voice = TryRegister(spec);
            if (voice is null)
            {
                missing.Add(spec.LibraryName);
            }
            else
            {
                voices.Add(voice);
            }
        }

        if (voices.Count == 0)
        {
            problem = $"No Flite voice library could be loaded ({string.Join(", ", missing)}): {InstallHint}.";
            return null;
        }

        problem = null;
        return voices;
    }

    private static FliteVoice? TryRegister(FliteVoiceSpec spec)
    {
        if (!NativeLibrary.TryLoad(spec.LibraryName, out var library)
            || !NativeLibrary.TryGetExport(library, spec.RegisterFunction, out var register))
        {
            return null;
        }

        var native = NativeMethods.RegisterVoice(register);
        if (native == null)
        {
            return null;
        }

        // Probe before installing the callbacks, so the probe's audio goes nowhere.
        var sampleRate = ProbeSampleRate(native);
        var baseStretch = NativeMethods.GetParamFloat(native->Features, FliteStrings.DurationStretch, 1f);
        var pitchModel = FliteCgPitchModel.TryCreate(native);
        InstallCallbacks(native, sampleRate);

        var voice = new EngineVoice(EngineIds.Flite, spec.NativeName, spec.Language, spec.Gender, sampleRate, FliteVoice.Rates, spec.DisplayName);
        return new FliteVoice(voice, native, baseStretch, pitchModel);
    }

    private static int ProbeSampleRate(CstVoice* voice)
    {
        var wave = NativeMethods.FliteTextToWave(FliteStrings.ProbeText, voice);
        FliteError.ThrowIfNull(wave, "synthesise a probe word");
        try
        {
            return wave->SampleRate;
        }
        finally
        {
            NativeMethods.DeleteWave(wave);
        }
    }

    private static void InstallCallbacks(CstVoice* voice, int sampleRate)
    {
        var info = NativeMethods.NewAudioStreamingInfo();
        FliteError.ThrowIfNull(info, "allocate streaming info");
        info->MinBufferSize = sampleRate / 20; // a callback about every 50 ms of audio
        info->Asc = FliteCallbacks.AudioChunk;
        info->UserData = null;

        // The feature set owns the values (and through them the streaming info) from here on.
        NativeMethods.FeatSet(voice->Features, FliteStrings.StreamingInfo, NativeMethods.AudioStreamingInfoVal(info));
        NativeMethods.FeatSet(voice->Features, FliteStrings.UttUserCallback, NativeMethods.UttFuncVal(FliteCallbacks.UtteranceStart));
    }
}
