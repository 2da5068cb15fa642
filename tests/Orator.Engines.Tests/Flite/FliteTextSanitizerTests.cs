using System.Text;
using Orator.Engines.Flite;

namespace Orator.Engines.Tests.Flite;

public sealed class FliteTextSanitizerTests
{
    [Theory]
    [InlineData("Café naïve Ångström", "Cafe naive Angstrom")]
    [InlineData("Cafe\u0301 with a combining accent", "Cafe with a combining accent")]
    [InlineData("Straße Æsir œuvre Łódź Þór", "Strasse AEsir oeuvre Lodz Thor")]
    [InlineData("Tiếng Việt", "Tieng Viet")]
    [InlineData("Ștefan țară", "Stefan tara")]
    public void Accented_latin_letters_lose_their_accents(string text, string expected)
        => Assert.Equal(expected, Sanitize(text));

    [Theory]
    [InlineData("“Hi”, ‘you’", "\"Hi\", 'you'")]
    [InlineData("one – two — three", "one - two - three")]
    [InlineData("wait…", "wait...")]
    [InlineData("«non»\u00A0oui", "\"non\" oui")]
    public void Typographic_punctuation_becomes_ascii(string text, string expected)
        => Assert.Equal(expected, Sanitize(text));

    [Theory]
    [InlineData("a😀b", "a b")]
    [InlineData("a日本b", "a  b")]
    [InlineData("a\0b\u0001c", "a b c")]
    public void Characters_flite_cannot_read_become_spaces(string text, string expected)
        => Assert.Equal(expected, Sanitize(text));

    [Fact]
    public void A_lone_surrogate_becomes_a_space()
        => Assert.Equal("a b", Sanitize("a" + (char)0xD800 + "b"));

    [Fact]
    public void Output_is_nul_terminated_with_no_nul_inside()
    {
        var bytes = FliteTextSanitizer.ToNativeText("x\0y\0");

        Assert.Equal(0, bytes[^1]);
        Assert.DoesNotContain((byte)0, bytes[..^1]);
    }

    [Fact]
    public void Latin1_symbols_pass_through_as_single_bytes()
    {
        var bytes = FliteTextSanitizer.ToNativeText("5 £ 20°");

        Assert.Equal(new byte[] { (byte)'5', (byte)' ', 0xA3, (byte)' ', (byte)'2', (byte)'0', 0xB0, 0 }, bytes);
    }

    private static string Sanitize(string text)
    {
        var bytes = FliteTextSanitizer.ToNativeText(text);
        return Encoding.Latin1.GetString(bytes, 0, bytes.Length - 1);
    }
}
