using Orator.Server.Auth;

namespace Orator.Server.Tests.Auth;

public sealed class ApiKeyValidatorTests
{
    [Theory]
    [InlineData("Bearer sk-abc", "sk-abc")]
    [InlineData("bearer sk-abc", "sk-abc")]
    [InlineData("BEARER sk-abc", "sk-abc")]
    [InlineData("Bearer    sk-abc   ", "sk-abc")]
    [InlineData("  Bearer\tsk-abc", "sk-abc")]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("Bearer", null)]
    [InlineData("Bearer ", null)]
    [InlineData("Bearer    ", null)]
    [InlineData("Bearersk-abc", null)]
    [InlineData("Basic dXNlcjpwYXNz", null)]
    [InlineData("sk-abc", null)]
    [InlineData("Token sk-abc", null)]
    public void The_bearer_token_is_extracted_from_the_authorization_header(string? header, string? expected)
    {
        Assert.Equal(expected, ApiKeyValidator.ExtractBearer(header));
    }

    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData(" a , b ,, c ", new[] { "a", "b", "c" })]
    [InlineData("a b\tc\nd\r\ne", new[] { "a", "b", "c", "d", "e" })]
    [InlineData("a,a, b a", new[] { "a", "b" })]
    [InlineData("only-one", new[] { "only-one" })]
    [InlineData("", new string[0])]
    [InlineData(" , \n ", new string[0])]
    [InlineData(null, new string[0])]
    public void A_key_list_splits_on_commas_and_whitespace_without_duplicates(string? value, string[] expected)
    {
        Assert.Equal(expected, ApiKeyValidator.ParseKeyList(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anything")]
    public void With_no_keys_the_server_is_open_and_every_key_passes(string? presented)
    {
        var validator = new ApiKeyValidator([]);

        Assert.True(validator.IsOpen);
        Assert.True(validator.IsValid(presented));
    }

    [Theory]
    [InlineData("sk-first", true)]
    [InlineData("sk-second", true)]
    [InlineData("sk-firs", false)]
    [InlineData("sk-first ", false)]
    [InlineData("sk-firstx", false)]
    [InlineData("SK-FIRST", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void With_keys_only_an_exact_configured_key_passes(string? presented, bool valid)
    {
        var validator = new ApiKeyValidator(["sk-first", "sk-second"]);

        Assert.False(validator.IsOpen);
        Assert.Equal(valid, validator.IsValid(presented));
    }

    [Fact]
    public void Long_and_non_ascii_keys_are_compared_correctly()
    {
        var key = "clé-" + new string('k', 2000) + "-😀";
        var validator = new ApiKeyValidator([key]);

        Assert.True(validator.IsValid(key));
        Assert.False(validator.IsValid(key[..^1] + "x"));
        Assert.False(validator.IsValid(new string('x', 100_000)));
    }

    [Fact]
    public void Duplicate_configured_keys_are_kept_once()
    {
        Assert.Equal(2, new ApiKeyValidator(["a", "b", "a"]).KeyCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_configured_key_is_refused_rather_than_accepting_empty_tokens(string key)
    {
        Assert.Throws<ArgumentException>(() => new ApiKeyValidator(["good", key]));
    }

    [Fact]
    public void Keys_parsed_from_the_environment_format_validate_bearer_tokens_end_to_end()
    {
        var validator = new ApiKeyValidator(ApiKeyValidator.ParseKeyList("sk-one, sk-two"));

        Assert.True(validator.IsValid(ApiKeyValidator.ExtractBearer("Bearer sk-two")));
        Assert.False(validator.IsValid(ApiKeyValidator.ExtractBearer("Bearer sk-three")));
        Assert.False(validator.IsValid(ApiKeyValidator.ExtractBearer(null)));
    }
}
