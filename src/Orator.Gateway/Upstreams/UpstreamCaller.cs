using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Orator.Audio.Metering;
using Orator.Speech.Rendering;

namespace Orator.Gateway.Upstreams;

/// <summary>
/// Calls an upstream's speech endpoint and streams its audio into an output as it arrives: each
/// read is written and flushed at once, nothing is decoded or re-encoded. A failure before the
/// first byte throws <see cref="UpstreamException"/> with nothing written, so the request can go to
/// the next backend; after it, the outcome says the stream broke.
/// </summary>
public static class UpstreamCaller
{
    private const int ReadSize = 16 * 1024;

    /// <summary>Renders <paramref name="call"/> on <paramref name="client"/> into <paramref name="output"/>.</summary>
    /// <returns>How it ended (completed, client gone, failed after audio) and the time to the upstream's first byte.</returns>
    /// <exception cref="UpstreamException">It failed before any audio was written.</exception>
    public static async Task<UpstreamRender> RenderAsync(UpstreamClient client, UpstreamCall call, ISpeechOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(output);
        var definition = client.Definition;
        var name = definition.Name;
        var timeoutAfter = definition.Limits.Timeout;
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeoutAfter);
        using var request = new HttpRequestMessage(HttpMethod.Post, definition.SpeechUri)
        {
            Content = new ByteArrayContent(UpstreamRequestBody.Of(call)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        UpstreamHeaders.Apply(request, definition);
        HttpResponseMessage response;
        try
        {
            response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (Exception ex) when (BeforeAudio(ex, name, timeoutAfter, cancellationToken) is { } failure)
        {
            throw failure;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await UpstreamStatus.FailureAsync(response, definition, timeout.Token);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
            try
            {
                return await StreamAsync(response, buffer, new StreamContext(client, call, output, timeout, started), cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static async Task<UpstreamRender> StreamAsync(HttpResponseMessage response, byte[] buffer, StreamContext context, CancellationToken cancellationToken)
    {
        var (client, call, output, timeout, started) = context;
        var name = client.Name;
        var limit = client.Definition.Limits.Timeout;
        Stream body;
        int read;
        try
        {
            body = await response.Content.ReadAsStreamAsync(timeout.Token);
            read = await body.ReadAsync(buffer, timeout.Token);
        }
        catch (Exception ex) when (BeforeAudio(ex, name, limit, cancellationToken) is { } failure)
        {
            throw failure;
        }

        if (read == 0)
        {
            throw new UpstreamException(name, UpstreamFailureKind.EmptyBody, $"Upstream '{name}' answered 200 with no audio.", 200);
        }

        var firstByte = Stopwatch.GetElapsedTime(started);
        var meter = EncodedDurationMeter.For(call.Format);
        output.Begin(new RenderStart(Orator.Core.Audio.AudioFormats.ContentTypeOf(call.Format)));
        long bytes = 0;
        await using (body)
        {
            try
            {
                while (read > 0)
                {
                    meter.Observe(buffer.AsSpan(0, read));
                    bytes += read;
                    // The clock stops while the client takes the bytes: only the upstream's silences count.
                    timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                    output.Writer.Write(buffer.AsSpan(0, read));
                    var flushed = await output.Writer.FlushAsync(cancellationToken);
                    if (flushed.IsCanceled || flushed.IsCompleted)
                    {
                        return Ended(RenderStatus.ClientGone, meter, firstByte, bytes, null);
                    }

                    timeout.CancelAfter(limit);
                    read = await body.ReadAsync(buffer, timeout.Token);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Ended(RenderStatus.ClientGone, meter, firstByte, bytes, null);
            }
            catch (OperationCanceledException ex)
            {
                return Ended(RenderStatus.FailedAfterAudio, meter, firstByte, bytes,
                    new UpstreamException(name, UpstreamFailureKind.Stalled, $"Upstream '{name}' sent no audio for {limit.TotalSeconds:0.#} s after {bytes} bytes.", 200, inner: ex));
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                return Ended(RenderStatus.FailedAfterAudio, meter, firstByte, bytes,
                    new UpstreamException(name, UpstreamFailureKind.CutShort, $"Upstream '{name}' broke off after {bytes} bytes: {ex.Message}", 200, inner: ex));
            }
        }

        var samples = SamplesOf(meter);
        await output.EndAsync(new RenderSummary(samples, OutputRate, SpeechUsage.From(call.Input, call.Instructions, samples, OutputRate)), cancellationToken);
        return new UpstreamRender(new RenderOutcome(RenderStatus.Completed, true, samples, OutputRate), firstByte, bytes);
    }

    /// <summary>The rate durations are counted at (the API's 24 kHz).</summary>
    private const int OutputRate = 24_000;

    private static long SamplesOf(EncodedDurationMeter meter) => meter.Seconds is { } seconds ? (long)Math.Round(seconds * OutputRate) : 0;

    private static UpstreamRender Ended(RenderStatus status, EncodedDurationMeter meter, TimeSpan firstByte, long bytes, Exception? failure) =>
        new(new RenderOutcome(status, true, SamplesOf(meter), OutputRate, failure), firstByte, bytes);

    /// <summary>What an exception before the first byte means, or null when it is the client going away (it propagates).</summary>
    private static UpstreamException? BeforeAudio(Exception exception, string name, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return exception switch
        {
            OperationCanceledException => new UpstreamException(name, UpstreamFailureKind.Timeout, $"Upstream '{name}' sent no audio within {limit.TotalSeconds:0.#} s.", inner: exception),
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain } } http =>
                new UpstreamException(name, UpstreamFailureKind.Refused, $"Upstream '{name}' could not be reached: {http.Message}", inner: exception),
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } http when http.InnerException is not IOException =>
                new UpstreamException(name, UpstreamFailureKind.Refused, $"Upstream '{name}' could not be reached: {http.Message}", inner: exception),
            HttpRequestException or IOException =>
                new UpstreamException(name, UpstreamFailureKind.Reset, $"Upstream '{name}' closed the connection before answering: {exception.Message}", inner: exception),
            _ => null,
        };
    }

    private readonly record struct StreamContext(UpstreamClient Client, UpstreamCall Call, ISpeechOutput Output, CancellationTokenSource Timeout, long Started);
}
