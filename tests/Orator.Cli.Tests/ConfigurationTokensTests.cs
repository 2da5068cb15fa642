using Orator.Cli.Commands;

namespace Orator.Cli.Tests;

public sealed class ConfigurationTokensTests
{
    [Fact]
    public void Double_dash_tokens_are_configuration_with_their_value_and_the_rest_are_words_in_order()
    {
        var (words, configuration) = ConfigurationTokens.Split(["gpu", "--Orator:Workers=2", "openai", "--Orator:LocalPriority", "5", "-", "--"]);

        Assert.Equal(["gpu", "openai", "-", "--"], words);
        Assert.Equal(["--Orator:Workers=2", "--Orator:LocalPriority", "5"], configuration);
    }

    [Fact]
    public void A_last_token_without_a_value_stays_configuration() =>
        Assert.Equal(["--Orator:Upstreams"], ConfigurationTokens.Split(["--Orator:Upstreams"]).Configuration);
}
