using System.Globalization;
using System.Net;
using Orator.Gateway.Configuration;

namespace Orator.Gateway.Upstreams;

/// <summary>What an upstream's non-2xx answer means for the request, read before any audio.</summary>
internal static class UpstreamStatus
{
    /// <summary>The failure <paramref name="response"/> stands for (its error body read, bounded).</summary>
    public static async Task<UpstreamException> FailureAsync(HttpResponseMessage response, UpstreamDefinition definition, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var name = definition.Name;
        var body = await ReadBoundedAsync(response, cancellationToken);
        var retryAfter = RetryAfterOf(response);
        return status switch
        {
            429 => new UpstreamException(name, UpstreamFailureKind.RateLimited, $"Upstream '{name}' is rate limiting (HTTP 429).", status, retryAfter),
            401 or 403 => new UpstreamException(name, UpstreamFailureKind.Unauthorized, $"Upstream '{name}' refused Orator's key for it (HTTP {status}): check {UpstreamSettings.SectionName}:{name}:ApiKey or ApiKeyEnv.", status),
            404 or 405 => new UpstreamException(name, UpstreamFailureKind.Misconfigured, $"Upstream '{name}' has no such endpoint or model (HTTP {status}): {UpstreamErrorBody.ForLog(body, definition.ApiKey)}", status),
            408 => new UpstreamException(name, UpstreamFailureKind.Timeout, $"Upstream '{name}' timed out (HTTP 408).", status),
            >= 400 and < 500 => new UpstreamException(name, UpstreamFailureKind.ClientError, $"Upstream '{name}' refused the request (HTTP {status}).", status, clientError: UpstreamErrorBody.ToClientError(status, body, definition.ApiKey)),
            _ => new UpstreamException(name, UpstreamFailureKind.ServerError, $"Upstream '{name}' failed with HTTP {status}.", status, retryAfter),
        };
    }

    /// <summary>Retry-After as seconds or as a date, when present and sensible (at most a day).</summary>
    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null && response.Headers.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            wait = TimeSpan.FromSeconds(seconds);
        }

        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, TimeSpan.FromDays(1).Ticks)) : null;
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[UpstreamErrorBody.MaxBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            return buffer[..total];
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return [];
        }
        catch (OperationCanceledException)
        {
            return [];
        }
    }

    /// <summary>True for the statuses that say "not now" rather than "never" (for logs).</summary>
    internal static bool IsTransient(HttpStatusCode status) => (int)status is 429 or >= 500;
}
