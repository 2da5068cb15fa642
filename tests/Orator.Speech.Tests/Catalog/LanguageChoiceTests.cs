using Orator.Speech.Catalog;

namespace Orator.Speech.Tests.Catalog;

public sealed class LanguageChoiceTests
{
    [Theory]
    [InlineData("a", "en-US")]
    [InlineData("B", "en-GB")]
    [InlineData("e", "es")]
    [InlineData("f", "fr-FR")]
    [InlineData("h", "hi")]
    [InlineData("i", "it")]
    [InlineData("j", "ja")]
    [InlineData("p", "pt-BR")]
    [InlineData("z", "zh")]
    [InlineData("en-gb", "en-gb")]
    [InlineData("pt_BR", "pt-BR")]
    [InlineData(" fr ", "fr")]
    [InlineData("cmn", "cmn")]
    public void Kokoro_letters_and_language_tags_name_a_language(string code, string tag)
    {
        Assert.Equal(tag, LanguageChoice.TagOf(code));
    }

    [Theory]
    [InlineData("q")]
    [InlineData("1")]
    [InlineData("english")]
    [InlineData("en--us")]
    [InlineData("e1")]
    [InlineData("en-abcdefghi")]
    [InlineData("")]
    public void Anything_else_is_no_language_code(string code)
    {
        Assert.Null(LanguageChoice.TagOf(code));
    }
}
