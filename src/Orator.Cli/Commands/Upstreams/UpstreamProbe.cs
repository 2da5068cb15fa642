using System.Text;
using Orator.Core.Audio;
using Orator.Gateway.Configuration;
using Orator.Gateway.Upstreams;
using Orator.Speech.Rendering;

namespace Orator.Cli.Commands.Upstreams;

/// <summary>
/// One short speech request to an upstream, through the same caller the server uses
/// (<see cref="UpstreamCaller"/>) but past no circuit: the first model it serves, its first configured
/// voice (alphabetically) or <c>alloy</c>, mp3, the audio counted and dropped.
/// </summary>
internal static class UpstreamProbe
{
    /// <summary>The text sent when none is given.</summary>
    public const string DefaultText = "Hello.";

    /// <summary>The voice asked for when the upstream has none configured: an OpenAI name every compatible API takes.</summary>
    public const string DefaultVoice = "alloy";

    /// <summary>The longest detail printed.</summary>
    private const int MaxDetail = 300;

    public static async Task<ProbeResult> RunAsync(UpstreamDefinition definition, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (model, upstreamModel) = definition.Models[0];
        var voice = definition.Voices.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? DefaultVoice;
        var upstreamVoice = definition.UpstreamVoiceFor(voice);
        var call = new UpstreamCall(upstreamModel, upstreamVoice, text, Instructions: null, Speed: 1.0, AudioFormat.Mp3);
        var asked = new ProbeResult(definition.Name, Mapped(model, upstreamModel), Mapped(voice, upstreamVoice), ProbeResult.Passed, null, null, null, 0);
        using var client = new UpstreamClient(definition, TimeProvider.System);
        await using var output = new DiscardingSpeechOutput();
        try
        {
            var render = await UpstreamCaller.RenderAsync(client, call, output, cancellationToken);
            var firstByte = (long)Math.Round(render.TimeToFirstByte.TotalMilliseconds);
            var got = asked with { Status = 200, FirstByteMs = firstByte, Bytes = render.Bytes };
            return render.Outcome switch
            {
                { Status: RenderStatus.Completed } => got,
                { Failure: UpstreamException failure } => Failed(got, failure, definition),
                _ => got with { Result = "cancelled", Detail = "stopped before the audio ended." },
            };
        }
        catch (UpstreamException failure)
        {
            return Failed(asked, failure, definition);
        }
    }

    private static ProbeResult Failed(ProbeResult probe, UpstreamException failure, UpstreamDefinition definition)
    {
        var result = failure.Kind == UpstreamFailureKind.ServerError && failure.StatusCode is { } status
            ? $"http {status}"
            : UpstreamFailureKinds.Label(failure.Kind);
        // A 4xx that is the client's fault carries the upstream's own words (scrubbed of the key by the
        // gateway); every other message is the gateway's, which names the upstream, never the key, and
        // never quotes a 401/403 body (OpenAI's echoes the key it was sent).
        var detail = failure.Kind == UpstreamFailureKind.ClientError && failure.ClientError is { } error ? error.Message : failure.Message;
        return probe with { Result = result, Status = failure.StatusCode ?? probe.Status, Detail = OneLine(detail, definition.ApiKey) };
    }

    /// <summary>A detail for one table cell, with the key (should any message ever carry it) replaced by <c>***</c>.</summary>
    internal static string OneLine(string text, string? secret)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (secret is { Length: > 0 })
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        var line = new StringBuilder(Math.Min(text.Length, MaxDetail));
        foreach (var c in text)
        {
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        var cleaned = line.ToString().Trim();
        return cleaned.Length <= MaxDetail ? cleaned : cleaned[..(MaxDetail - 3)] + "...";
    }

    private static string Mapped(string local, string upstream) => local == upstream ? local : $"{local}={upstream}";
}
