using System.Net.Http.Json;
using System.Security.Cryptography;
using Orator.Functional.Tests.Infrastructure;
using Orator.Functional.Tests.Neural;
using Orator.Testing.NeuralFixtures;

namespace Orator.Functional.Tests.Speech;

/// <summary>Two workers and the fixture neural models, so that any request may land on either worker.</summary>
public sealed class DeterminismServerFixture : ServerFixture
{
    private readonly FixtureStore _store = new FixtureStore()
        .WithKokoro(samplesPerToken: 240)
        .WithPiper(NeuralServerFixture.PiperSingle, multiSpeaker: false, sampleRate: 16000, samplesPerToken: 160);

    protected override IEnumerable<string> Arguments => ["--Orator:Workers=2", $"--Orator:ModelsPath={_store.Root}"];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _store.Dispose();
    }
}

/// <summary>
/// An identical request gives byte-identical audio whichever worker renders it and whatever was
/// rendered before: other voices, tempos, instructions, languages and streams cut off half way,
/// sent concurrently so the probes race them for the workers.
/// </summary>
public sealed class DeterminismTests(DeterminismServerFixture server) : IClassFixture<DeterminismServerFixture>
{
    private const string Text = "The fee rose to three dollars. Nobody noticed it at first, and then everybody did.";

    private static readonly string[] AllFormats = ["pcm", "wav", "mp3", "opus", "aac", "flac"];

    public static TheoryData<string, string, string> Engines() => new()
    {
        // model, voice, formats (comma separated; "sse:" prefix streams as server-sent events)
        { "flite", "slt", string.Join(',', AllFormats) + ",sse:mp3,sse:pcm" },
        { "flite", "rms", "pcm,opus" },
        { "espeak", "de", "pcm,mp3,sse:opus" },
        { "espeak", "en-us", "pcm,flac" },
        { "kokoro", "af_heart", "pcm,opus,sse:aac" },
        { $"piper:{NeuralServerFixture.PiperSingle}", "alloy", "pcm,wav" },
    };

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_same_request_gives_the_same_bytes_after_any_history_on_any_worker(string model, string voice, string formats)
    {
        using var client = server.CreateClient();
        var probes = formats.Split(',').Select(f => Probe(model, voice, f)).ToArray();
        var expected = new Dictionary<string, string>();
        foreach (var probe in probes)
        {
            expected[probe.Name] = await HashAsync(client, probe.Body);
        }

        var random = new Random(model.Length * 7919 + voice.Length);
        for (var round = 0; round < 3; round++)
        {
            var history = Enumerable.Range(0, 6).Select(i => HistoryAsync(client, random.Next(), round * 10 + i)).ToArray();
            // Each probe twice at once, racing the history: with two workers, both get it.
            var checks = probes.SelectMany(p => new[] { CheckAsync(p), CheckAsync(p) }).ToArray();
            await Task.WhenAll(history);
            await Task.WhenAll(checks);
        }

        async Task CheckAsync((string Name, object Body) probe) =>
            Assert.True(expected[probe.Name] == await HashAsync(client, probe.Body), $"{model}/{voice} {probe.Name} changed after other requests");
    }

    private static (string Name, object Body) Probe(string model, string voice, string format)
    {
        var sse = format.StartsWith("sse:", StringComparison.Ordinal);
        var codec = sse ? format[4..] : format;
        object body = sse
            ? new { model, voice, input = Text, response_format = codec, stream_format = "sse" }
            : new { model, voice, input = Text, response_format = codec };
        return (format, body);
    }

    private static async Task<string> HashAsync(HttpClient client, object body)
    {
        var bytes = await client.SpeakAsync(body);
        return $"{bytes.Length}:{Convert.ToHexString(SHA256.HashData(bytes))[..16]}";
    }

    /// <summary>One request unlike the probes; a third of them are abandoned once audio flows.</summary>
    private static async Task HistoryAsync(HttpClient client, int seed, int n)
    {
        var random = new Random(seed);
        (string Model, string Voice)[] voices =
            [("flite", "awb"), ("flite", "kal"), ("flite", "slt"), ("espeak", "fr-fr"), ("espeak", "en-us"), ("kokoro", "bf_emma"), ("tts-1", "nova")];
        var (model, voice) = voices[random.Next(voices.Length)];
        var speed = Math.Round(0.5 + random.NextDouble() * 2, 2);
        string? instructions = random.Next(3) == 0 ? "Speak slowly and softly, in a low voice." : null;
        var input = $"History request {n}: something else entirely, said {random.Next(1000)} times. It goes on for a while, and then it stops.";
        var body = new { model, voice, input, speed, instructions, response_format = random.Next(2) == 0 ? "mp3" : "pcm" };
        if (random.Next(3) == 0)
        {
            using var cancel = new CancellationTokenSource();
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/audio/speech") { Content = JsonContent.Create(body) };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            await using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
            _ = await stream.ReadAsync(new byte[256], cancel.Token);
            await cancel.CancelAsync();
            return;
        }

        await client.SpeakAsync(body);
    }
}
