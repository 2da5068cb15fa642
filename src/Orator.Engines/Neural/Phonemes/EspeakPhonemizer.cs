using System.Runtime.InteropServices;
using System.Text;
using Orator.Core.Errors;
using Orator.Engines.EspeakNg;
using Orator.Engines.EspeakNg.Interop;

namespace Orator.Engines.Neural.Phonemes;

/// <summary>
/// espeak-ng's <c>espeak_TextToPhonemes</c> in this process (see docs/architecture/neural-engines.md):
/// espeak-ng is initialised on the first call only, so a server without neural models never loads
/// it here, and every call holds the one process-wide espeak-ng lock. espeak-ng drops punctuation,
/// so the text is cut at punctuation first and the marks are put back between the phonemized pieces.
/// </summary>
public sealed unsafe class EspeakPhonemizer : IPhonemizer
{
    private readonly Dictionary<string, string> _identifiers = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Phonemize(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        var identifier = IdentifierOf(language);
        var pieces = PunctuationPieces.Split(text);
        var output = new StringBuilder(text.Length * 2);
        lock (EspeakRuntime.SynthesisGate)
        {
            if (!string.Equals(EspeakRuntime.SelectedVoice, identifier, StringComparison.Ordinal))
            {
                EspeakSynthesizer.SelectVoice(identifier);
            }

            var needSpace = false;
            foreach (var piece in pieces)
            {
                if (piece.IsPunctuation)
                {
                    if (PunctuationPieces.Opens(piece.Text[0]) && needSpace)
                    {
                        output.Append(' ');
                        needSpace = false;
                    }

                    output.Append(piece.Text);
                    needSpace |= !PunctuationPieces.Opens(piece.Text[0]);
                    continue;
                }

                var phonemes = PhonemizeClauses(piece.Text);
                if (phonemes.Length == 0)
                {
                    continue;
                }

                if (needSpace)
                {
                    output.Append(' ');
                }

                output.Append(phonemes);
                needSpace = false;
            }
        }

        return output.ToString();
    }

    /// <summary>The espeak-ng voice identifier for a language; initialises espeak-ng on first use.</summary>
    private string IdentifierOf(string language)
    {
        lock (_identifiers)
        {
            if (_identifiers.TryGetValue(language, out var known))
            {
                return known;
            }

            if (!EspeakRuntime.TryLoad(out var voices, out var problem))
            {
                throw new EngineUnavailableException($"Phonemization needs espeak-ng: {problem}");
            }

            var identifier = voices.FirstOrDefault(v => v.Voice.NativeName.Equals(language, StringComparison.OrdinalIgnoreCase))?.Identifier
                ?? throw new EngineUnavailableException($"espeak-ng has no voice for the language '{language}'.");
            _identifiers[language] = identifier;
            return identifier;
        }
    }

    /// <summary>Every clause espeak-ng finds in <paramref name="text"/>, joined by spaces.</summary>
    private static string PhonemizeClauses(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text.Replace('\0', ' '), bytes);
        var result = new StringBuilder();
        fixed (byte* start = bytes)
        {
            void* cursor = start;
            while (cursor != null)
            {
                var phonemes = NativeMethods.TextToPhonemes(&cursor, (int)NativeMethods.CharsUtf8, NativeMethods.PhonemesIpa);
                var clause = phonemes == null ? null : Marshal.PtrToStringUTF8((nint)phonemes)?.Trim();
                if (!string.IsNullOrEmpty(clause))
                {
                    if (result.Length > 0)
                    {
                        result.Append(' ');
                    }

                    result.Append(clause);
                }
            }
        }

        return result.ToString();
    }
}
