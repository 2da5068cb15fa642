using System.Runtime.InteropServices;

namespace Orator.Engines.EspeakNg.Interop;

/// <summary>
/// Imports from <c>libespeak-ng.so.1</c> (espeak-ng 1.51, Debian package libespeak-ng1), following
/// <c>/usr/include/espeak-ng/speak_lib.h</c>. All state behind these calls is process-global.
/// Strings are NUL-terminated UTF-8; every argument is a pointer or primitive (nothing marshalled).
/// </summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>The library's soname.</summary>
    public const string LibraryName = "libespeak-ng.so.1";

    /// <summary><c>AUDIO_OUTPUT_SYNCHRONOUS</c>: <c>espeak_Synth</c> blocks and calls back with PCM.</summary>
    public const int AudioOutputSynchronous = 2;

    /// <summary><c>espeakINITIALIZE_DONT_EXIT</c>: report a missing espeak-ng-data instead of exiting.</summary>
    public const int InitializeDontExit = 0x8000;

    /// <summary><c>POS_CHARACTER</c>: <c>position</c> counts characters.</summary>
    public const int PositionCharacter = 1;

    /// <summary><c>espeakCHARS_UTF8</c>: the text is UTF-8.</summary>
    public const uint CharsUtf8 = 0x1;

    /// <summary><c>espeakENDPAUSE</c>: end with a sentence pause, so consecutive chunks join naturally.</summary>
    public const uint EndPause = 0x1000;

    /// <summary>
    /// <c>int espeak_Initialize(espeak_AUDIO_OUTPUT output, int buflength, const char *path, int options)</c>:
    /// returns the sample rate (22050) or -1.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    [LibraryImport(LibraryName, EntryPoint = "espeak_Initialize")]
    public static partial int Initialize(int output, int bufferMilliseconds, byte* path, int options);

    /// <summary>
    /// <c>void espeak_SetSynthCallback(t_espeak_callback *SynthCallback)</c>:
    /// <c>int cb(short *wav, int numsamples, espeak_EVENT *events)</c>, <c>wav == NULL</c> at the end,
    /// return 1 to abort. In synchronous mode it runs on the thread calling <see cref="Synth"/>.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    [LibraryImport(LibraryName, EntryPoint = "espeak_SetSynthCallback")]
    public static partial void SetSynthCallback(delegate* unmanaged<short*, int, void*, int> callback);

    /// <summary>
    /// <c>espeak_ERROR espeak_Synth(const void *text, size_t size, unsigned int position,
    /// espeak_POSITION_TYPE position_type, unsigned int end_position, unsigned int flags,
    /// unsigned int *unique_identifier, void *user_data)</c>.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    [LibraryImport(LibraryName, EntryPoint = "espeak_Synth")]
    public static partial EspeakStatus Synth(byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueIdentifier, void* userData);

    /// <summary><c>espeak_ERROR espeak_SetParameter(espeak_PARAMETER parameter, int value, int relative)</c>.</summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    [LibraryImport(LibraryName, EntryPoint = "espeak_SetParameter")]
    public static partial EspeakStatus SetParameter(EspeakParameter parameter, int value, int relative);

    /// <summary>
    /// <c>const espeak_VOICE **espeak_ListVoices(espeak_VOICE *voice_spec)</c>: NULL lists every
    /// voice (not variants); the array is NULL-terminated and owned by espeak-ng.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    [LibraryImport(LibraryName, EntryPoint = "espeak_ListVoices")]
    public static partial EspeakVoice** ListVoices(EspeakVoice* voiceSpec);

    /// <summary>
    /// <c>espeak_ERROR espeak_SetVoiceByName(const char *name)</c>. Takes a voice identifier such as
    /// "gmw/en"; language tags like "en-gb" fail on 1.51 and leave no usable voice selected.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    [LibraryImport(LibraryName, EntryPoint = "espeak_SetVoiceByName")]
    public static partial EspeakStatus SetVoiceByName(byte* name);

    /// <summary><c>espeak_VOICE *espeak_GetCurrentVoice(void)</c>.</summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    [LibraryImport(LibraryName, EntryPoint = "espeak_GetCurrentVoice")]
    public static partial EspeakVoice* GetCurrentVoice();

    /// <summary><c>espeakPHONEMES_IPA</c> bit of <c>phonememode</c>: phonemes as IPA in UTF-8.</summary>
    public const int PhonemesIpa = 0x02;

    /// <summary>
    /// <c>const char *espeak_TextToPhonemes(const void **textptr, int textmode, int phonememode)</c>:
    /// phonemizes ONE clause of the text, advances <c>*textptr</c> past it (NULL at the end) and
    /// returns a static buffer that the next call overwrites. Punctuation is dropped.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    [LibraryImport(LibraryName, EntryPoint = "espeak_TextToPhonemes")]
    public static partial byte* TextToPhonemes(void** textPointer, int textMode, int phonemeMode);
}
