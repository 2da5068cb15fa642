using Orator.Engines.EspeakNg;

namespace Orator.Engines.Tests.EspeakNg;

public sealed class EspeakLanguageTagTests
{
    [Theory]
    [InlineData("en-gb", "en-GB")]
    [InlineData("en-us", "en-US")]
    [InlineData("fr-fr", "fr-FR")]
    [InlineData("de", "de")]
    [InlineData("cmn", "cmn")]
    [InlineData("en-029", "en-029")]
    [InlineData("es-419", "es-419")]
    [InlineData("cmn-latn-pinyin", "cmn-Latn-pinyin")]
    [InlineData("en-gb-x-rp", "en-GB-x-rp")]
    [InlineData("en-gb-scotland", "en-GB-scotland")]
    [InlineData("chr-US-Qaaa-x-west", "chr-US-Qaaa-x-west")]
    [InlineData("vi-vn-x-central", "vi-VN-x-central")]
    public void Espeak_language_names_get_bcp47_casing(string espeak, string expected)
        => Assert.Equal(expected, EspeakLanguageTag.ToBcp47(espeak));
}
