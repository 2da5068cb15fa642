using Orator.Core.Audio;
using Orator.Speech.Requests;

namespace Orator.Speech.Tests.Support;

/// <summary>Speech requests as a parsed body would give them.</summary>
internal static class TestRequests
{
    public static SpeechRequest Speech(string input, string voice = "alloy", string model = "tts-1", AudioFormat format = AudioFormat.Wav, double speed = 1.0, string? instructions = null) =>
        new() { Model = model, Input = input, Voice = voice, ResponseFormat = format, Speed = speed, Instructions = instructions };
}
