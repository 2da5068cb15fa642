using Microsoft.Extensions.Configuration;
using Orator.Gateway.Configuration;
using Orator.Server.Hosting;

namespace Orator.Server.Tests.Gateway;

public sealed class UpstreamSettingsTests
{
    private const string Secret = "sk-very-secret-upstream-key-42";

    [Fact]
    public void A_full_upstream_resolves_with_its_names_limits_and_key()
    {
        var options = Options(new()
        {
            ["Orator:Upstreams:gpu:BaseUrl"] = "http://gpu-box:8000/",
            ["Orator:Upstreams:gpu:ApiKeyEnv"] = "GPU_KEY",
            ["Orator:Upstreams:gpu:Models:0"] = "tts-1",
            ["Orator:Upstreams:gpu:Models:1"] = "premium = tts-1-hd",
            ["Orator:Upstreams:gpu:Voices:narrator"] = "af_bella",
            ["Orator:Upstreams:gpu:Priority"] = "5",
            ["Orator:Upstreams:gpu:TimeoutSeconds"] = "2.5",
            ["Orator:Upstreams:gpu:MaxConcurrency"] = "4",
            ["Orator:Upstreams:gpu:Headers:OpenAI-Organization"] = "org-1",
            ["Orator:Upstreams:gpu:FailureThreshold"] = "2",
            ["Orator:Upstreams:gpu:OpenSeconds"] = "9",
        });
        var (upstreams, problems) = UpstreamSettings.Read(options, name => name == "GPU_KEY" ? Secret : null);

        Assert.Empty(problems);
        var gpu = Assert.Single(upstreams);
        Assert.Equal("gpu", gpu.Name);
        Assert.Equal("http://gpu-box:8000/v1", gpu.BaseUri.ToString());
        Assert.Equal("http://gpu-box:8000/v1/audio/speech", gpu.SpeechUri.ToString());
        Assert.Equal(Secret, gpu.ApiKey);
        Assert.Equal("env GPU_KEY", gpu.KeySource);
        Assert.Equal([KeyValuePair.Create("tts-1", "tts-1"), KeyValuePair.Create("premium", "tts-1-hd")], gpu.Models);
        Assert.Equal("tts-1-hd", gpu.UpstreamModelFor("premium"));
        Assert.Null(gpu.UpstreamModelFor("tts-1-hd"));
        Assert.Equal("af_bella", gpu.UpstreamVoiceFor("narrator"));
        Assert.Equal("alloy", gpu.UpstreamVoiceFor("alloy"));
        Assert.Equal(new UpstreamLimits(5, TimeSpan.FromSeconds(2.5), 4, 2, TimeSpan.FromSeconds(9)), gpu.Limits);
        Assert.Equal([KeyValuePair.Create("OpenAI-Organization", "org-1")], gpu.Headers);
        Assert.DoesNotContain(Secret, gpu.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_url_with_a_path_keeps_it_and_defaults_apply()
    {
        var (upstreams, problems) = Read(new()
        {
            ["Orator:Upstreams:openai:BaseUrl"] = "https://api.openai.com/v1/",
            ["Orator:Upstreams:openai:Models:0"] = "gpt-4o-mini-tts",
        });
        Assert.Empty(problems);
        var openai = Assert.Single(upstreams);
        Assert.Equal("https://api.openai.com/v1", openai.BaseUri.ToString());
        Assert.Null(openai.ApiKey);
        Assert.Equal("none", openai.KeySource);
        Assert.Equal(new UpstreamLimits(UpstreamDefaults.Priority, TimeSpan.FromSeconds(UpstreamDefaults.TimeoutSeconds), 0, UpstreamDefaults.FailureThreshold, TimeSpan.FromSeconds(UpstreamDefaults.OpenSeconds)), openai.Limits);
    }

    [Theory]
    [InlineData("BaseUrl", "", "BaseUrl is required")]
    [InlineData("BaseUrl", "ftp://box/v1", "absolute http:// or https://")]
    [InlineData("BaseUrl", "not a url", "absolute http:// or https://")]
    [InlineData("BaseUrl", "http://user:" + Secret + "@box/v1", "must not carry credentials")]
    [InlineData("BaseUrl", "http://box/v1?key=" + Secret, "must not have a query")]
    [InlineData("Models:0", "bad model", "must be a model id or local=upstream")]
    [InlineData("Models:0", "=tts-1", "must be a model id or local=upstream")]
    [InlineData("Models:1", "tts-1", "lists 'tts-1' twice")]
    [InlineData("Priority", "5000", "Priority must be between")]
    [InlineData("TimeoutSeconds", "0", "TimeoutSeconds must be between")]
    [InlineData("FailureThreshold", "0", "FailureThreshold must be between")]
    [InlineData("Headers:Authorization", "Bearer x", "is not a header Orator can send")]
    [InlineData("ApiKeyEnv", "NOT_SET_ANYWHERE", "names the environment variable NOT_SET_ANYWHERE, which is not set")]
    [InlineData("ApiKey", "sk-with space", "contains spaces or control characters")]
    public void Each_problem_names_its_key_and_never_the_secret(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orator:Upstreams:box:BaseUrl"] = "http://127.0.0.1:9/v1",
            ["Orator:Upstreams:box:Models:0"] = "tts-1",
            [$"Orator:Upstreams:box:{key}"] = value,
        };
        var problem = Assert.Single(Read(settings).Problems);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.StartsWith("Orator:Upstreams:box", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_a_key_and_a_key_variable_is_a_problem_that_does_not_quote_the_key()
    {
        var problem = Assert.Single(Read(new()
        {
            ["Orator:Upstreams:box:BaseUrl"] = "http://127.0.0.1:9/v1",
            ["Orator:Upstreams:box:Models:0"] = "tts-1",
            ["Orator:Upstreams:box:ApiKey"] = Secret,
            ["Orator:Upstreams:box:ApiKeyEnv"] = "BOX_KEY",
        }).Problems);
        Assert.Contains("ApiKey or ApiKeyEnv, not both", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("LOCAL")]
    [InlineData("has space")]
    [InlineData("-dash-first")]
    public void Names_that_cannot_label_a_backend_are_refused(string name)
    {
        var problems = Read(new()
        {
            [$"Orator:Upstreams:{name}:BaseUrl"] = "http://127.0.0.1:9/v1",
            [$"Orator:Upstreams:{name}:Models:0"] = "tts-1",
        }).Problems;
        Assert.Contains(problems, p => p.Contains("an upstream's name is", StringComparison.Ordinal));
    }

    [Fact]
    public void An_upstream_without_models_or_address_reports_both()
    {
        var problems = Read(new() { ["Orator:Upstreams:empty:Priority"] = "1" }).Problems;
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("BaseUrl is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Models must name at least one model", StringComparison.Ordinal));
    }

    [Fact]
    public void Startup_refuses_a_bad_upstream_and_an_unreadable_number_with_their_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orator:Upstreams:box:BaseUrl"] = "http://127.0.0.1:9/v1",
            ["Orator:Upstreams:box:Models:0"] = "tts-1",
            ["Orator:Upstreams:box:Priority"] = "high",
            ["Orator:Upstreams:other:Models:0"] = "tts-1",
            ["Orator:LocalPriority"] = "2000",
        }).Build();
        var error = Assert.Throws<OratorConfigurationException>(() => OratorOptions.FromConfiguration(configuration));
        Assert.Contains(error.Problems, p => p.Contains("Orator:Upstreams:box:Priority must be a whole number", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Orator:Upstreams:other:BaseUrl is required", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Orator:LocalPriority must be between", StringComparison.Ordinal));
    }

    private static Dictionary<string, UpstreamOptions>? Options(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(UpstreamSettings.SectionName).Get<Dictionary<string, UpstreamOptions>>();

    private static (IReadOnlyList<UpstreamDefinition> Upstreams, IReadOnlyList<string> Problems) Read(Dictionary<string, string?> settings) =>
        UpstreamSettings.Read(Options(settings), _ => null);
}
