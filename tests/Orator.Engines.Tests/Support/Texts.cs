namespace Orator.Engines.Tests.Support;

/// <summary>Texts the engine tests speak.</summary>
internal static class Texts
{
    /// <summary>About ten words: 1.5 to 6 seconds of speech at a normal pace.</summary>
    public const string Sentence = "The quick brown fox jumps over the lazy dog near the river bank.";

    /// <summary>Twelve sentences, long enough that Flite makes several utterances and many chunks.</summary>
    public static readonly string Long = string.Join(' ', Enumerable.Repeat(
        "Speech synthesis turns written text into sound that people can listen to. ", 12));
}
