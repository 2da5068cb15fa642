namespace Orator.Engines.Neural.Phonemes;

/// <summary>
/// Turns text into IPA phonemes for a language, keeping punctuation (, . ! ? ; : — …) in place
/// because neural models were trained with it and use it for prosody.
/// </summary>
public interface IPhonemizer
{
    /// <summary>
    /// Phonemizes <paramref name="text"/> in <paramref name="language"/> (an espeak-ng language such
    /// as <c>en-us</c>, <c>fr-fr</c>, <c>cmn</c>): words separated by spaces, punctuation attached.
    /// </summary>
    string Phonemize(string text, string language);
}
