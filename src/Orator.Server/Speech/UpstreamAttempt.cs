using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orator.Gateway.Configuration;
using Orator.Gateway.Upstreams;
using Orator.Server.Api;
using Orator.Server.Requests;
using Orator.Speech.Rendering;
using Orator.Speech.Requests;

namespace Orator.Server.Speech;

/// <summary>
/// A request on an upstream: pass its circuit and concurrency limit, reserve the characters, stream
/// its audio through, and settle the circuit by how it went. Before the first byte a failure hands
/// the request on (a 429 cools the upstream for its Retry-After, a refused key leaves it out and
/// says so loudly); a 4xx that is the client's fault is answered as the upstream gave it; after the
/// first byte a failure cuts the stream.
/// </summary>
internal static partial class UpstreamAttempt
{
    /// <summary>The engine label of audio an upstream rendered.</summary>
    public const string EngineLabel = "upstream";

    public static async Task<AttemptResult> RunAsync(HttpContext context, SpeechAttempt attempt, SpeechStreamFormat streamFormat, RequestRecord record, CharacterReservation reservation, bool buffered, SpeechServices services, CancellationToken aborted)
    {
        var client = attempt.Target.Upstream!;
        var call = attempt.Call!;
        var metrics = services.Metrics;
        if (!client.Circuit.TryEnter(out var probe))
        {
            return AttemptResult.Next("circuit_open", client.Circuit.RetryAfter);
        }

        if (!client.TryReserve())
        {
            if (probe)
            {
                client.Circuit.Abandoned();
            }

            return AttemptResult.Next("busy");
        }

        try
        {
            if (await reservation.EnsureAsync(aborted) is { } limited)
            {
                if (probe)
                {
                    client.Circuit.Abandoned();
                }

                await ApiErrorWriter.WriteAsync(context.Response, limited, aborted);
                return AttemptResult.Done;
            }

            record.Backend = client.Name;
            record.Engine = EngineLabel;
            record.Voice = $"{client.Name}:{call.Voice}";
            var labels = new ResponseLabels(call.Voice, client.Name, null, streamFormat);
            var output = new HttpSpeechOutput(context.Response, labels, record.StartTimestamp, firstAudio =>
            {
                record.TimeToFirstAudioMs = firstAudio.TotalMilliseconds;
                metrics.TimeToFirstAudio.WithLabels(EngineLabel, record.Format ?? "").Observe(firstAudio.TotalSeconds);
                metrics.ActiveStreams.Inc();
            }, buffered);
            UpstreamRender? render = null;
            try
            {
                render = await UpstreamCaller.RenderAsync(client, call, output, aborted);
            }
            catch (UpstreamException failure)
            {
                return await BeforeAudioAsync(context, client, failure, services);
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                if (probe)
                {
                    client.Circuit.Abandoned();
                }

                metrics.UpstreamRequests.WithLabels(client.Name, "client_gone").Inc();
                return AttemptResult.Done;
            }
            finally
            {
                if (output.Started)
                {
                    var seconds = render?.Outcome.AudioSeconds ?? 0;
                    metrics.ActiveStreams.Dec();
                    metrics.AudioSeconds.WithLabels(EngineLabel, record.Format ?? "").Inc(seconds);
                    record.AudioSeconds = seconds;
                }
            }

            metrics.UpstreamFirstByte.WithLabels(client.Name).Observe(render.TimeToFirstByte.TotalSeconds);
            Settle(context, client, call, render, services);
            if (render.Outcome.Status == RenderStatus.FailedAfterAudio)
            {
                record.BrokenStreamStatus = StatusCodes.Status502BadGateway;
            }

            return AttemptResult.Done;
        }
        finally
        {
            client.Release();
        }
    }

    /// <summary>Settles the circuit and the answer of a call whose audio began.</summary>
    private static void Settle(HttpContext context, UpstreamClient client, UpstreamCall call, UpstreamRender render, SpeechServices services)
    {
        var metrics = services.Metrics;
        switch (render.Outcome.Status)
        {
            case RenderStatus.Completed:
                client.Circuit.Succeeded();
                metrics.UpstreamRequests.WithLabels(client.Name, "completed").Inc();
                metrics.Characters.WithLabels(EngineLabel).Inc(SpeechUsage.CountCodePoints(call.Input));
                LogRelayed(services.UpstreamLogger, client.Name, render.Bytes, render.TimeToFirstByte.TotalMilliseconds);
                break;
            case RenderStatus.ClientGone:
                // Audio came, so the upstream works, whatever the client did next.
                client.Circuit.Succeeded();
                metrics.UpstreamRequests.WithLabels(client.Name, "client_gone").Inc();
                break;
            default:
                // After the first byte there is no failover: cut the stream, so the client sees an
                // incomplete transfer rather than a short file that looks complete.
                var failure = render.Outcome.Failure as UpstreamException;
                var kind = failure?.Kind ?? UpstreamFailureKind.CutShort;
                client.Circuit.Failed();
                metrics.UpstreamRequests.WithLabels(client.Name, "failed_after_audio").Inc();
                metrics.UpstreamFailures.WithLabels(client.Name, UpstreamFailureKinds.Label(kind)).Inc();
                LogBrokeOff(services.UpstreamLogger, client.Name, render.Outcome.Failure?.Message ?? "the stream broke");
                context.Abort();
                break;
        }
    }

    /// <summary>What a failure before any audio leads to: the next backend, or (a client error) the upstream's answer.</summary>
    private static async Task<AttemptResult> BeforeAudioAsync(HttpContext context, UpstreamClient client, UpstreamException failure, SpeechServices services)
    {
        var (metrics, logger) = (services.Metrics, services.UpstreamLogger);
        var circuit = client.Circuit;
        var now = client.Time.GetUtcNow();
        if (failure is { Kind: UpstreamFailureKind.ClientError, ClientError: { } error })
        {
            // The upstream is working; the request is what it refused. Answer as it did.
            circuit.Succeeded();
            metrics.UpstreamRequests.WithLabels(client.Name, "client_error").Inc();
            LogClientError(logger, client.Name, error.StatusCode, error.Message);
            await ApiErrorWriter.WriteAsync(context.Response, error, context.RequestAborted);
            return AttemptResult.Done;
        }

        var reason = UpstreamFailureKinds.Label(failure.Kind);
        metrics.UpstreamRequests.WithLabels(client.Name, "failed_before_audio").Inc();
        metrics.UpstreamFailures.WithLabels(client.Name, reason).Inc();
        switch (failure.Kind)
        {
            case UpstreamFailureKind.RateLimited:
                var wait = failure.RetryAfter ?? client.Definition.Limits.OpenFor;
                circuit.OpenUntil(now + wait, reason);
                LogCoolingDown(logger, client.Name, wait.TotalSeconds);
                return AttemptResult.Next(reason, wait);
            case UpstreamFailureKind.Unauthorized:
                // Orator's own key for the upstream is wrong: never the client's fault, never its key.
                var down = TimeSpan.FromSeconds(UpstreamDefaults.AuthFailureSeconds);
                circuit.OpenUntil(now + down, reason);
                LogUnauthorized(logger, client.Name, failure.StatusCode ?? 401, client.Definition.KeySource, down.TotalSeconds);
                return AttemptResult.Next(reason, down);
            default:
                circuit.Failed();
                if (failure.RetryAfter is { } retry)
                {
                    circuit.OpenUntil(now + retry, reason);
                }

                LogFailed(logger, client.Name, failure.Message);
                return AttemptResult.Next(reason, failure.RetryAfter ?? (circuit.State == Gateway.Upstreams.CircuitState.Open ? circuit.RetryAfter : null));
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Relayed {Bytes} bytes from upstream {Upstream} (first byte after {FirstByteMs:F0} ms)")]
    private static partial void LogRelayed(ILogger logger, string upstream, long bytes, double firstByteMs);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Upstream {Upstream} failed before any audio: {Reason}")]
    private static partial void LogFailed(ILogger logger, string upstream, string reason);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Upstream {Upstream} refused Orator's key for it with HTTP {Status} (key from: {KeySource}); it is left out for {Seconds:F0} s, or until its settings change and are reloaded (SIGHUP). Check its ApiKey or ApiKeyEnv")]
    private static partial void LogUnauthorized(ILogger logger, string upstream, int status, string keySource, double seconds);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Upstream {Upstream} is rate limiting; cooling down for {Seconds:F1} s")]
    private static partial void LogCoolingDown(ILogger logger, string upstream, double seconds);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "Upstream {Upstream} broke off after audio began; the stream was cut: {Reason}")]
    private static partial void LogBrokeOff(ILogger logger, string upstream, string reason);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Upstream {Upstream} refused the request with HTTP {Status}: {Message}")]
    private static partial void LogClientError(ILogger logger, string upstream, int status, string message);
}
