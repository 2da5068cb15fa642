using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Orator.Functional.Tests.Infrastructure;
using Orator.Functional.Tests.Observability;
using Orator.Server.Hosting;
using Orator.Storage.Usage;

namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// A real gateway (in process, real Kestrel and workers) in front of two fault-injecting upstreams:
/// "primary" (priority 1) and "secondary" (priority 2) both serve tts-1 (the local engines follow at
/// 100) and the upstream-only "premium" (tts-1-hd upstream). Its logs are captured.
/// </summary>
internal sealed class FailoverGateway : IAsyncDisposable
{
    public const string ClientKey = "sk-client-key-7f3a9c";
    public const string PrimaryKey = "sk-primary-upstream-5d21e0";
    public const string SecondaryKey = "sk-secondary-upstream-9b4c17";

    private readonly string _directory;

    private FailoverGateway(OratorServer server, FaultyUpstream primary, FaultyUpstream secondary, LogCapture logs, string directory)
    {
        Server = server;
        Primary = primary;
        Secondary = secondary;
        Logs = logs;
        _directory = directory;
        Client = new HttpClient { BaseAddress = new Uri(server.Urls[0].TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ClientKey);
    }

    public OratorServer Server { get; }

    public FaultyUpstream Primary { get; }

    public FaultyUpstream Secondary { get; }

    public LogCapture Logs { get; }

    public HttpClient Client { get; }

    /// <summary>Starts both upstreams and the gateway; <paramref name="primaryAddress"/> replaces the primary's address (a refused one).</summary>
    public static async Task<FailoverGateway> StartAsync(Uri? primaryAddress = null, int failureThreshold = 5, double openSeconds = 30, double timeoutSeconds = 1)
    {
        var primary = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { Name = "primary", RequiredApiKey = PrimaryKey });
        var secondary = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { Name = "secondary", RequiredApiKey = SecondaryKey });
        var directory = Path.Combine(Path.GetTempPath(), "orator-failover-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var logs = new LogCapture();
        string[] args =
        [
            "--urls=http://127.0.0.1:0", "--Orator:Workers=1", $"--Orator:ApiKeys:0={ClientKey}",
            $"--Orator:Storage:ConnectionString={Path.Combine(directory, "orator.db")}", "--Orator:Storage:UsageFlushMilliseconds=10",
            .. Upstream("primary", primaryAddress ?? primary.BaseUrl, PrimaryKey, 1, failureThreshold, openSeconds, timeoutSeconds),
            "--Orator:Upstreams:primary:Headers:OpenAI-Organization=org-orator-tests",
            .. Upstream("secondary", secondary.BaseUrl, SecondaryKey, 2, failureThreshold, openSeconds, timeoutSeconds),
        ];
        var server = await OratorServer.StartAsync(args, builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        });
        return new FailoverGateway(server, primary, secondary, logs, directory);
    }

    /// <summary>POST /v1/audio/speech with <paramref name="model"/>; the response is read by the caller.</summary>
    public Task<HttpResponseMessage> SpeakAsync(string model = "tts-1", string voice = "alloy", string format = "mp3", string? streamFormat = null)
    {
        var stream = streamFormat is null ? "" : $",\"stream_format\":\"{streamFormat}\"";
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/audio/speech")
        {
            Content = new StringContent($"{{\"model\":\"{model}\",\"input\":\"Hello from the failover test.\",\"voice\":\"{voice}\",\"response_format\":\"{format}\"{stream}}}", System.Text.Encoding.UTF8, "application/json"),
        };
        return Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public async Task<PrometheusText> MetricsAsync() => PrometheusText.Parse(await Client.GetStringAsync("metrics"));

    /// <summary>The usage record of the request with id <paramref name="requestId"/>, once written (bounded wait).</summary>
    public async Task<UsageRecord> UsageOfAsync(string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var records = await Server.Storage.Usage.RecentAsync(null, 100, CancellationToken.None);
            if (records.FirstOrDefault(r => r.RequestId == requestId) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no usage record for {requestId}");
            await Task.Delay(20);
        }
    }

    /// <summary>Asserts that no key (the client's or an upstream's) appears anywhere in the logs.</summary>
    public void AssertNoKeyLogged()
    {
        var text = Logs.AllText;
        Assert.DoesNotContain(ClientKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PrimaryKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondaryKey, text, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Primary.DisposeAsync();
        await Secondary.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static string[] Upstream(string name, Uri address, string key, int priority, int failureThreshold, double openSeconds, double timeoutSeconds) =>
    [
        $"--Orator:Upstreams:{name}:BaseUrl={address}",
        $"--Orator:Upstreams:{name}:ApiKey={key}",
        $"--Orator:Upstreams:{name}:Models:0=tts-1",
        $"--Orator:Upstreams:{name}:Models:1=premium=tts-1-hd",
        $"--Orator:Upstreams:{name}:Priority={priority}",
        $"--Orator:Upstreams:{name}:FailureThreshold={failureThreshold}",
        FormattableString.Invariant($"--Orator:Upstreams:{name}:OpenSeconds={openSeconds}"),
        FormattableString.Invariant($"--Orator:Upstreams:{name}:TimeoutSeconds={timeoutSeconds}"),
    ];
}
