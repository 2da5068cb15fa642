namespace Orator.Text.Tests.Mapping;

/// <summary>The map's own rules: identity, clamping, and where an empty range lands.</summary>
public sealed class TextMapTests
{
    [Fact]
    public void An_identity_map_gives_every_range_back_unchanged()
    {
        var map = TextMap.Identity(10);

        Assert.Equal(new TextSpan(0, 10), map.ToSource(0, 10));
        Assert.Equal(new TextSpan(3, 4), map.ToSource(3, 4));
        Assert.Equal(new TextSpan(9, 1), map.ToSource(new TextSpan(9, 1)));
        Assert.Equal(10, map.PreparedLength);
        Assert.Equal(10, map.SourceLength);
    }

    [Theory]
    [InlineData(-5, 3, 0, 3)]
    [InlineData(8, 100, 8, 2)]
    [InlineData(50, 5, 10, 0)]
    [InlineData(2, -4, 2, 0)]
    [InlineData(int.MinValue, int.MaxValue, 0, 10)]
    public void Ranges_outside_the_text_are_clamped_never_thrown(int start, int length, int expectedStart, int expectedLength)
    {
        Assert.Equal(new TextSpan(expectedStart, expectedLength), TextMap.Identity(10).ToSource(start, length));
    }

    [Fact]
    public void The_map_of_an_empty_text_answers_every_range_with_an_empty_span()
    {
        var map = TextMap.Identity(0);

        Assert.Equal(new TextSpan(0, 0), map.ToSource(0, 0));
        Assert.Equal(new TextSpan(0, 0), map.ToSource(3, 7));
        Assert.Equal(0, TextMap.Identity(-4).PreparedLength);
    }

    [Fact]
    public void An_empty_range_lands_where_its_next_character_came_from_or_at_the_very_end()
    {
        const string Source = "Pay $3.50 now";
        var prepared = new Orator.Text.Normalization.EnglishNormalizer().NormalizeMapped(Source);
        int cents = prepared.Text.IndexOf("cents", StringComparison.Ordinal);

        // Inside a reading: an empty range points at the reading's source start.
        Assert.Equal(new TextSpan(4, 0), prepared.Map.ToSource(cents, 0));
        Assert.Equal(new TextSpan(Source.Length, 0), prepared.Map.ToSource(prepared.Text.Length, 0));
        Assert.Equal(new TextSpan(0, 0), prepared.Map.ToSource(0, 0));
    }
}
