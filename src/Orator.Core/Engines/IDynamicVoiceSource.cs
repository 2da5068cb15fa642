namespace Orator.Core.Engines;

/// <summary>
/// An engine that speaks with voices beyond the ones it lists, named by a syntax of its own:
/// Kokoro blends (<c>af_bella(2)+af_sky(1)</c>), Piper speakers (<c>voice#speaker</c>).
/// </summary>
public interface IDynamicVoiceSource
{
    /// <summary>The voice <paramref name="name"/> stands for, or null when the engine cannot speak it.</summary>
    EngineVoice? FindVoice(string name);
}
