using Orator.Storage.Usage;

namespace Orator.Storage.Tests.Storage;

public sealed class UsageGroupingNamesTests
{
    [Theory]
    [InlineData("key", UsageGrouping.Key)]
    [InlineData("model", UsageGrouping.Model)]
    [InlineData("day", UsageGrouping.Day)]
    [InlineData("backend", UsageGrouping.Backend)]
    public void Each_name_parses_to_its_grouping_and_back(string name, UsageGrouping grouping)
    {
        Assert.True(UsageGroupingNames.TryParse(name, out var parsed));
        Assert.Equal(grouping, parsed);
        Assert.Equal(name, UsageGroupingNames.NameOf(grouping));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Backend")]
    [InlineData("colour")]
    public void Anything_else_is_not_a_grouping(string? name)
    {
        Assert.False(UsageGroupingNames.TryParse(name, out _));
    }

    [Fact]
    public void Every_grouping_has_a_name_and_the_message_lists_them_all()
    {
        Assert.Equal(Enum.GetValues<UsageGrouping>().Select(UsageGroupingNames.NameOf), UsageGroupingNames.All);
        Assert.Equal("key, model, day or backend", UsageGroupingNames.Listed);
    }
}
