using System.Globalization;
using Microsoft.AspNetCore.Http;
using Orator.Storage.Limits;

namespace Orator.Server.Auth;

/// <summary>
/// The <c>x-ratelimit-*</c> headers in the OpenAI style (reset as e.g. <c>1s</c>, <c>6m0s</c>),
/// with <c>characters</c> where OpenAI says <c>tokens</c>, and <c>Retry-After</c> on a 429.
/// </summary>
internal static class RateLimitHeaders
{
    /// <summary>Sets the headers for every window <paramref name="decision"/> reports.</summary>
    public static void Apply(HttpResponse response, RateDecision decision)
    {
        if (decision.Requests is { } requests)
        {
            Set(response, "requests", requests);
        }

        if (decision.Characters is { } characters)
        {
            Set(response, "characters", characters);
        }

        if (!decision.Allowed)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A duration as OpenAI writes it: <c>12s</c>, <c>6m0s</c>, <c>3h2m1s</c>, <c>20ms</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return Math.Max(0, (int)Math.Ceiling(span.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        var seconds = (long)Math.Ceiling(span.TotalSeconds);
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0 ? string.Create(CultureInfo.InvariantCulture, $"{h}h{m}m{s}s")
            : m > 0 ? string.Create(CultureInfo.InvariantCulture, $"{m}m{s}s")
            : string.Create(CultureInfo.InvariantCulture, $"{s}s");
    }

    private static void Set(HttpResponse response, string what, WindowState state)
    {
        response.Headers["x-ratelimit-limit-" + what] = state.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remaining-" + what] = state.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-reset-" + what] = Duration(state.Reset);
    }
}
