namespace Orator.Core.Engines;

/// <summary>The id of each engine Orator ships, declared once: voice ids (<c>flite:slt</c>), models and metric labels use these.</summary>
public static class EngineIds
{
    /// <summary>Flite (CMU), in the engine workers.</summary>
    public const string Flite = "flite";

    /// <summary>espeak-ng, in the engine workers (and the phonemizer of the neural engines).</summary>
    public const string Espeak = "espeak";

    /// <summary>Kokoro-82M through ONNX Runtime, in the server.</summary>
    public const string Kokoro = "kokoro";

    /// <summary>Piper voices through ONNX Runtime, in the server.</summary>
    public const string Piper = "piper";
}
