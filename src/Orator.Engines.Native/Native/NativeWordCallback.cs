using Orator.Core.Audio;

namespace Orator.Engines.Native;

/// <summary>
/// Receives one word's timing from a native engine, on the synthesising thread, before the PCM
/// that holds the word's start. Samples count from the first sample of the call; the segment is 0.
/// </summary>
internal delegate void NativeWordCallback(WordTiming word);
