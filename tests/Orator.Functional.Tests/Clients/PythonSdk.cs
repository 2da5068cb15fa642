namespace Orator.Functional.Tests.Clients;

/// <summary>
/// The OpenAI Python SDK's <c>client.audio.speech.create(...)</c> (and <c>with_streaming_response</c>) as it goes
/// on the wire: httpx posting the JSON of the arguments given, with <c>Accept: application/octet-stream</c>, its
/// <c>User-Agent</c> and <c>X-Stainless-*</c> headers, and the bearer key. (PyPI cannot be reached here, so the
/// request is replayed rather than made by the package.)
/// </summary>
internal sealed class PythonSdk(Uri baseAddress, string apiKey)
{
    /// <summary>The client's <c>base_url</c>: http://host:port/v1.</summary>
    public string BaseUrl { get; } = new Uri(baseAddress, "v1").ToString();

    /// <summary>One <c>speech.create</c> call; <paramref name="retryCount"/> is what the SDK sends on its own retries.</summary>
    public Task<ClientResponse> CreateSpeechAsync(string model, string voice, string input, string? responseFormat = null, int retryCount = 0)
    {
        var format = responseFormat is null ? "" : $",\"response_format\":{ClientHttp.Quote(responseFormat)}";
        return ClientHttp.SendAsync(
            HttpMethod.Post,
            BaseUrl + "/audio/speech",
            [
                ("Accept", "application/octet-stream"), ("Accept-Encoding", "gzip, deflate"), ("Connection", "keep-alive"),
                ("Content-Type", "application/json"), ("User-Agent", "OpenAI/Python 1.99.0"), ("X-Stainless-Lang", "python"),
                ("X-Stainless-Package-Version", "1.99.0"), ("X-Stainless-OS", "Linux"), ("X-Stainless-Arch", "x64"),
                ("X-Stainless-Runtime", "CPython"), ("X-Stainless-Runtime-Version", "3.11.7"), ("X-Stainless-Async", "false"),
                ("X-Stainless-Retry-Count", retryCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("X-Stainless-Read-Timeout", "600"), ("Authorization", $"Bearer {apiKey}"),
            ],
            $"{{\"input\":{ClientHttp.Quote(input)},\"model\":{ClientHttp.Quote(model)},\"voice\":{ClientHttp.Quote(voice)}{format}}}");
    }
}
