using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Orator.Core.Audio;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>How <see cref="FaultyUpstream"/> answers <c>POST /v1/audio/speech</c> under each fault.</summary>
public sealed partial class FaultyUpstream
{
    private async Task SpeakAsync(HttpContext context, RecordedCall call, UpstreamFault fault, CancellationToken cancellationToken)
    {
        var response = context.Response;
        switch (fault)
        {
            case UpstreamFault.Reset:
                Abort(context);
                return;
            case UpstreamFault.StatusAnswer answer:
                await WriteJsonAsync(response, answer.Code, answer.JsonBody, answer.RetryAfter, cancellationToken);
                return;
        }

        if (Reject(call) is { } error)
        {
            await WriteJsonAsync(response, StatusCodes.Status400BadRequest, error, null, cancellationToken);
            return;
        }

        var format = AudioFormats.TryParse(call.ResponseFormat, out var named) ? named : AudioFormat.Mp3;
        var body = call.StreamFormat == "sse"
            ? UpstreamBody.Sse(Payload, _options.ChunkSize, call.Input!)
            : UpstreamBody.Audio(format, Payload, _options.ChunkSize);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = body.ContentType;
        switch (fault)
        {
            case UpstreamFault.Delayed delayed:
                await Task.Delay(delayed.Delay, cancellationToken);
                await WriteRangeAsync(response, body, 0, body.Length, cancellationToken);
                break;
            case UpstreamFault.Stalled stalled:
                await response.StartAsync(cancellationToken);
                await WriteRangeAsync(response, body, 0, stalled.BytesBefore, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                await Task.Delay(stalled.Stall, cancellationToken);
                await WriteRangeAsync(response, body, stalled.BytesBefore, body.Length, cancellationToken);
                break;
            case UpstreamFault.Truncated truncated:
                var sent = Math.Min(truncated.BytesSent, body.Length);
                response.ContentLength = Math.Max(truncated.DeclaredLength ?? body.Length, sent + 1);
                await response.StartAsync(cancellationToken);
                await WriteRangeAsync(response, body, 0, sent, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);

                // Not HttpContext.Abort: its reset makes the client's kernel drop bytes it has not
                // read yet. Returning short of Content-Length makes Kestrel close the connection
                // after what was sent, so the client reliably gets those bytes, then the early end.
                Interlocked.Increment(ref _connectionsAborted);
                break;
            default:
                await WriteRangeAsync(response, body, 0, body.Length, cancellationToken);
                break;
        }
    }

    /// <summary>What a real upstream would refuse in the body, as an OpenAI error, or null.</summary>
    private string? Reject(RecordedCall call)
    {
        if (call.Json is not { ValueKind: JsonValueKind.Object })
        {
            return OpenAiErrors.UnparsableJson;
        }

        if (string.IsNullOrEmpty(call.Input))
        {
            return OpenAiErrors.BadParameter("input", "Missing required parameter: 'input'.");
        }

        if (call.ResponseFormat is { } name && !AudioFormats.TryParse(name, out _))
        {
            return OpenAiErrors.BadParameter("response_format", $"Invalid value for 'response_format': '{name}'.");
        }

        if (call.StreamFormat is { } stream && stream is not ("sse" or "audio"))
        {
            return OpenAiErrors.BadParameter("stream_format", $"Invalid value for 'stream_format': '{stream}'.");
        }

        return _options.Voices.Count > 0 && !_options.Voices.Contains(call.Voice ?? "", StringComparer.Ordinal)
            ? OpenAiErrors.BadVoice(call.Voice ?? "")
            : null;
    }

    /// <summary>Writes body bytes [from, to), flushing at each chunk boundary and pausing between chunks.</summary>
    private async Task WriteRangeAsync(HttpResponse response, UpstreamBody body, long from, long to, CancellationToken cancellationToken)
    {
        long chunkStart = 0;
        foreach (var chunk in body.Chunks)
        {
            var start = Math.Max(from, chunkStart);
            var end = Math.Min(to, chunkStart + chunk.Length);
            if (start < end)
            {
                await response.Body.WriteAsync(chunk[(int)(start - chunkStart)..(int)(end - chunkStart)], cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                if (end < to && _options.ChunkDelay > TimeSpan.Zero)
                {
                    await Task.Delay(_options.ChunkDelay, cancellationToken);
                }
            }

            chunkStart += chunk.Length;
        }
    }

    private static async Task WriteJsonAsync(HttpResponse response, int status, string json, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken);
    }
}
