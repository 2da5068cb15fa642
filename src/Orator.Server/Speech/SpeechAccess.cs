using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orator.Server.Auth;
using Orator.Server.Requests;
using Orator.Speech.Catalog;
using Orator.Speech.Errors;
using Orator.Storage.Limits;

namespace Orator.Server.Speech;

/// <summary>What a caller may do with speech: which models, and how many characters right now.</summary>
internal static class SpeechAccess
{
    /// <summary>A 403 when the caller's key may not use the model named (any of its spellings), else null.</summary>
    public static ApiError? CheckModel(Caller caller, string modelAsked, SpeechModel? model) => CheckModel(caller, modelAsked, model?.Id);

    /// <summary>A 403 when the caller's key may not use the model asked for (or its canonical id), else null.</summary>
    public static ApiError? CheckModel(Caller caller, string modelAsked, string? modelId) =>
        caller.AllowsModel(modelAsked, modelId) ? null : ApiError.ModelNotAllowed(modelAsked);

    /// <summary>
    /// Reserves <paramref name="characters"/> against the key's character limits (sets the
    /// <c>x-ratelimit-*</c> headers): null when allowed, else the 429 to answer with. Reserved
    /// before synthesis, so parallel requests cannot spend the same characters twice.
    /// </summary>
    public static async Task<ApiError?> ReserveCharactersAsync(HttpContext context, RequestRecord record, long characters, CancellationToken cancellationToken)
    {
        if (record.Caller.Key is not { Limits.LimitsCharacters: true } key)
        {
            return null;
        }

        var limiter = context.RequestServices.GetRequiredService<IRateLimiter>();
        var decision = await limiter.TryReserveAsync(key.Id, key.Limits, 0, characters, DateTimeOffset.UtcNow, cancellationToken);
        RateLimitHeaders.Apply(context.Response, decision);
        if (decision.Allowed)
        {
            return null;
        }

        return decision.Refusal == RateRefusal.Quota
            ? ApiError.QuotaExceededFor(decision.RefusedWindow == RateWindow.Month ? "month" : "day")
            : ApiError.RateLimitedFor("characters");
    }
}
