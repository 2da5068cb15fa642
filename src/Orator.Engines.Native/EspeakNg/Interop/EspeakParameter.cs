namespace Orator.Engines.EspeakNg.Interop;

/// <summary>The <c>espeak_PARAMETER</c> values this engine sets (speak_lib.h).</summary>
internal enum EspeakParameter
{
    /// <summary><c>espeakRATE</c>: words per minute, 80 and up (175 normal).</summary>
    Rate = 1,

    /// <summary><c>espeakVOLUME</c>: 0..200, 100 normal.</summary>
    Volume = 2,

    /// <summary><c>espeakPITCH</c>: base pitch 0..100, 50 normal.</summary>
    Pitch = 3,

    /// <summary><c>espeakRANGE</c>: pitch range 0..100, 50 normal.</summary>
    Range = 4,

    /// <summary><c>espeakWORDGAP</c>: extra pause between words in 10 ms units.</summary>
    WordGap = 7,
}
