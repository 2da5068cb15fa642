using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Orator.Engines.EspeakNg.Interop;

namespace Orator.Engines.EspeakNg;

/// <summary>
/// espeak-ng as loaded into this process: initialised once in synchronous mode with the synth
/// callback installed, and its voice list. espeak-ng keeps all state in globals, so every use goes
/// through <see cref="SynthesisGate"/>; it is never terminated (re-initialising is not reliable).
/// </summary>
internal static unsafe class EspeakRuntime
{
    private const string InstallHint = "install the Debian packages espeak-ng libespeak-ng1";

    /// <summary>Milliseconds of audio per callback.</summary>
    private const int BufferMilliseconds = 50;

    private static readonly Lock s_loadGate = new();
    private static IReadOnlyList<EspeakVoiceEntry>? s_voices;
    private static string? s_problem;
    private static bool s_loaded;

    /// <summary>Serialises every call into espeak-ng.</summary>
    public static Lock SynthesisGate { get; } = new();

    /// <summary>
    /// Identifier of the voice espeak-ng has selected (null when unknown); read and written only
    /// under <see cref="SynthesisGate"/>. The phonemizer skips re-selecting an unchanged voice.
    /// </summary>
    public static string? SelectedVoice { get; set; }

    /// <summary>Initialises espeak-ng and lists its voices, once; later calls return the same outcome.</summary>
    public static bool TryLoad(out IReadOnlyList<EspeakVoiceEntry> voices, [NotNullWhen(false)] out string? problem)
    {
        lock (s_loadGate)
        {
            if (!s_loaded)
            {
                lock (SynthesisGate)
                {
                    s_voices = Load(out s_problem);
                }

                s_loaded = true;
            }
        }

        voices = s_voices ?? [];
        problem = s_problem;
        return s_voices is not null;
    }

    private static List<EspeakVoiceEntry>? Load(out string? problem)
    {
        if (!NativeLibrary.TryLoad(NativeMethods.LibraryName, out _))
        {
            problem = $"espeak-ng library not found ({NativeMethods.LibraryName}): {InstallHint}.";
            return null;
        }

        // DONT_EXIT: without it a missing espeak-ng-data directory ends the whole process.
        var sampleRate = NativeMethods.Initialize(NativeMethods.AudioOutputSynchronous, BufferMilliseconds, null, NativeMethods.InitializeDontExit);
        if (sampleRate <= 0)
        {
            problem = $"espeak-ng failed to initialise (espeak_Initialize returned {sampleRate}; is espeak-ng-data installed?): {InstallHint}.";
            return null;
        }

        NativeMethods.SetSynthCallback(EspeakCallbacks.Synth);
        var voices = EspeakVoiceCatalog.Read(sampleRate);
        if (voices.Count == 0)
        {
            problem = $"espeak-ng lists no voices (espeak-ng-data missing?): {InstallHint}.";
            return null;
        }

        problem = null;
        return voices;
    }
}
