using Orator.Engines.Neural.Kokoro;

namespace Orator.Engines.Tests.Neural;

/// <summary>
/// Expectations checked by hand against the espeak-ng 1.51 command line
/// (<c>espeak-ng -q --ipa -v VOICE "text"</c>), with the punctuation it drops put back and the
/// misaki rules of engines.md applied.
/// </summary>
public sealed class PhonemizationTests
{
    // espeak-ng -q --ipa -v en-us "Hello world. How are you?" -> həlˈoʊ wˈɜːld / hˈaʊ ɑːɹ juː
    // espeak-ng -q --ipa -v en-gb "Hello, go home." -> həlˈəʊ / ɡˌəʊ hˈəʊm
    // espeak-ng -q --ipa -v es "Hola, ¿cómo estás?" -> ˈola / kˈomo estˈas
    // espeak-ng -q --ipa -v fr-fr "Bonjour le monde." -> bɔ̃ʒˈuʁ lə- mˈɔ̃d
    // espeak-ng -q --ipa -v ja "こんにちは" -> kˌo̞nnitɕˈihä
    [Theory]
    [InlineData("en-us", "Hello world. How are you?", "həlˈoʊ wˈɜːld. hˈaʊ ɑːɹ juː?")]
    [InlineData("en-gb", "Hello, go home.", "həlˈəʊ, ɡˌəʊ hˈəʊm.")]
    [InlineData("es", "Hola, ¿cómo estás?", "ˈola, ¿kˈomo estˈas?")]
    [InlineData("fr-fr", "Bonjour le monde.", "bɔ̃ʒˈuʁ lə- mˈɔ̃d.")]
    [InlineData("ja", "こんにちは。", "kˌo̞nnitɕˈihä.")]
    public void Espeak_phonemes_keep_the_punctuation_espeak_drops(string language, string text, string expected)
    {
        Assert.Equal(expected, KokoroFixture.Phonemizer.Phonemize(text, language));
    }

    [Theory]
    [InlineData("a", "həlˈoʊ wˈɜːld. hˈaʊ ɑːɹ juː?", "həlˈO wˈɜld. hˈW ɑɹ ju?")]
    [InlineData("b", "həlˈəʊ, ɡˌəʊ hˈəʊm.", "həlˈQ, ɡˌQ hˈQm.")]
    [InlineData("a", "ðə tʃˈɜːtʃ dʒˈʌdʒ ɹˈaɪdz ˈaʊt nˈaʊ", "ðə ʧˈɜʧ ʤˈʌʤ ɹˈIdz ˈWt nˈW")]
    [InlineData("a", "bˈʌʔn̩", "bˈʌʔᵊn")]
    [InlineData("b", "fˈeə nˈiə mˈeɪk", "fˈɛː nˈɪə mˈAk")]
    [InlineData("a", "bˈɚd ɹˈoʊz bˈɔɪ", "bˈəɹd ɹˈOz bˈY")]
    [InlineData("e", "pˈero", "pˈeɹo")]
    public void Espeak_ipa_is_mapped_to_misaki_symbols(string prefix, string ipa, string expected)
    {
        Assert.Equal(expected, MisakiMapping.Apply(ipa, KokoroLanguage.Of(prefix + "f_x")!));
    }

    [Fact]
    public void American_voices_lose_length_marks_and_british_voices_keep_them()
    {
        Assert.Equal("ju", MisakiMapping.Apply("juː", KokoroLanguage.Of("af_heart")!));
        Assert.Equal("juː", MisakiMapping.Apply("juː", KokoroLanguage.Of("bf_emma")!));
    }

    [Fact]
    public void Tokenization_maps_each_symbol_through_the_vocabulary_and_drops_unknown_ones_without_error()
    {
        var tokenizer = new KokoroTokenizer(KokoroVocabulary.Load(null));

        // From ../shared/models/kokoro/config.json: h 50, ə 83, l 54, ˈ 156, O 31, space 16, . 4
        Assert.Equal([50L, 83, 54, 156, 31, 4], tokenizer.Tokenize("həlˈO."));
        Assert.Equal([50L, 16, 50], tokenizer.Tokenize("h ¿#☃\u031Eh"));
        Assert.Empty(tokenizer.Tokenize("¿#☃"));
    }

    [Fact]
    public void Known_sentences_tokenize_end_to_end_in_five_languages()
    {
        var vocabulary = KokoroVocabulary.Load(null);
        var tokenizer = new KokoroTokenizer(vocabulary);
        string Ids(string prefix, string text)
        {
            var language = KokoroLanguage.Of(prefix + "f_x")!;
            return string.Join(' ', tokenizer.Tokenize(MisakiMapping.Apply(KokoroFixture.Phonemizer.Phonemize(text, language.Espeak), language)));
        }

        string Expected(string misaki) => string.Join(' ', misaki.EnumerateRunes().Select(r => vocabulary.IdOf(r.Value)).Where(id => id >= 0));

        Assert.Equal(Expected("həlˈO wˈɜld. hˈW ɑɹ ju?"), Ids("a", "Hello world. How are you?"));
        Assert.Equal(Expected("həlˈQ, ɡˌQ hˈQm."), Ids("b", "Hello, go home."));
        Assert.Equal(Expected("ˈola, kˈomo estˈas?"), Ids("e", "Hola, ¿cómo estás?"));
        Assert.Equal(Expected("bɔ̃ʒˈuʁ lə mˈɔ̃d."), Ids("f", "Bonjour le monde."));
        Assert.Equal(Expected("kˌonnitɕˈiha."), Ids("j", "こんにちは。"));
    }

    [Fact]
    public void Long_phoneme_strings_are_cut_after_punctuation_before_spaces_and_never_exceed_the_limit()
    {
        var tokenizer = new KokoroTokenizer(KokoroVocabulary.Load(null));
        var comma = string.Join(' ', Enumerable.Repeat("abc def,", 10));

        var chunks = tokenizer.Chunk(comma, maxTokens: 20);

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 20));
        Assert.All(chunks.SkipLast(1), c => Assert.Equal(tokenizer.Tokenize(",")[0], c[^1]));
        Assert.Equal(tokenizer.Tokenize(comma).Count(id => id != tokenizer.Tokenize(" ")[0]), chunks.Sum(c => c.Count(id => id != tokenizer.Tokenize(" ")[0])));
        var words = tokenizer.Chunk(string.Join(' ', Enumerable.Repeat("abcdef", 10)), maxTokens: 15);
        Assert.Equal([13, 13, 13, 13, 13], words.Select(c => c.Length));
        var unbroken = tokenizer.Chunk(new string('a', 45), maxTokens: 20);
        Assert.Equal([20, 20, 5], unbroken.Select(c => c.Length));
    }
}
