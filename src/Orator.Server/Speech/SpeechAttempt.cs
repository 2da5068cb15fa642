using Orator.Gateway.Routing;
using Orator.Gateway.Upstreams;
using Orator.Speech.Catalog;
using Orator.Speech.Errors;
using Orator.Speech.Planning;
using Orator.Speech.Requests;

namespace Orator.Server.Speech;

/// <summary>One backend a request will be tried on, in route order: a local plan, or a call to an upstream.</summary>
/// <param name="Target">The backend.</param>
/// <param name="Plan">The local engines' plan (for the local target).</param>
/// <param name="Call">What the upstream is asked (for an upstream target).</param>
internal sealed record SpeechAttempt(RouteTarget Target, SpeechPlan? Plan, UpstreamCall? Call)
{
    /// <summary>
    /// The attempts of <paramref name="request"/> over <paramref name="targets"/>. The local target
    /// takes part only when the local engines can plan it (its voice and format exist here); an
    /// upstream takes the request as it is, in its names, and answers for its own voices. With no
    /// attempt left, the error says why (the local planner's 4xx, or model not found).
    /// </summary>
    public static (IReadOnlyList<SpeechAttempt> Attempts, ApiError? Error) For(SpeechPlanner planner, SpeechRequest request, SpeechModel? localModel, IReadOnlyList<RouteTarget> targets)
    {
        var attempts = new List<SpeechAttempt>(targets.Count);
        ApiError? refused = null;
        foreach (var target in targets)
        {
            if (target.Upstream is not { } upstream)
            {
                var planned = planner.Plan(request, localModel);
                if (planned.Plan is { } plan)
                {
                    attempts.Add(new SpeechAttempt(target, plan, null));
                }
                else
                {
                    refused ??= planned.Error;
                }

                continue;
            }

            var call = new UpstreamCall(target.UpstreamModel, upstream.Definition.UpstreamVoiceFor(request.Voice), request.Input, request.Instructions, request.Speed, request.ResponseFormat);
            attempts.Add(new SpeechAttempt(target, null, call));
        }

        return (attempts, attempts.Count > 0 ? null : refused ?? ApiError.ModelNotFound(request.Model));
    }
}
