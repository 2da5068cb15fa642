using System.Text;
using Orator.Engines.Neural.Phonemes;

namespace Orator.Engines.Tests.Neural;

/// <summary>
/// A phonemizer whose phonemes are the text's letters, so tests know each word's tokens: every
/// word is a stress mark and its lower-case letters (g as ɡ, the symbol Kokoro knows), words are
/// separated by spaces, <c>, . ! ? ; :</c> are kept. In a text of several words, the words in
/// <paramref name="linked"/> gain an ɹ, like espeak-ng's linking r ("colour is" is kˈʌlɚɹ ɪz in
/// context, kˈʌlɚ alone): a word that sounds otherwise in context than alone.
/// </summary>
internal sealed class LetterPhonemizer(params string[] linked) : IPhonemizer
{
    public string Phonemize(string text, string language)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var phonemes = new List<string>(words.Length);
        foreach (var word in words)
        {
            var letters = new StringBuilder();
            var marks = new StringBuilder();
            foreach (var c in word)
            {
                if (char.IsAsciiLetter(c))
                {
                    letters.Append(letters.Length == 0 ? "ˈ" : "").Append(char.ToLowerInvariant(c) == 'g' ? 'ɡ' : char.ToLowerInvariant(c));
                }
                else if (",.!?;:".Contains(c, StringComparison.Ordinal))
                {
                    marks.Append(c);
                }
            }

            if (words.Length > 1 && linked.Contains(word.Trim(',', '.', '!', '?', ';', ':'), StringComparer.OrdinalIgnoreCase))
            {
                letters.Append('ɹ');
            }

            phonemes.Add(letters.Append(marks).ToString());
        }

        return string.Join(' ', phonemes.Where(p => p.Length > 0));
    }
}
