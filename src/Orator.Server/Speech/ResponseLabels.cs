using Orator.Gateway.Configuration;
using Orator.Speech.Planning;
using Orator.Speech.Requests;

namespace Orator.Server.Speech;

/// <summary>What a speech response says about itself in its headers, whichever backend rendered it.</summary>
/// <param name="Voice">The voice that spoke (<c>x-orator-voice</c>).</param>
/// <param name="Backend">The backend (<c>x-orator-backend</c>): <c>local</c> or an upstream's name.</param>
/// <param name="Instructions">What of <c>instructions</c> was honoured (<c>x-orator-instructions</c>), when the local engines interpreted them.</param>
/// <param name="StreamFormat">Plain audio or server-sent events.</param>
internal sealed record ResponseLabels(string Voice, string Backend, string? Instructions, SpeechStreamFormat StreamFormat)
{
    /// <summary>The labels of a plan rendered by the local engines.</summary>
    public static ResponseLabels Of(SpeechPlan plan) => new(
        plan.Voice.Voice.QualifiedId,
        UpstreamSettings.LocalName,
        plan.InstructionText is null ? null : plan.Instructions.ToHeader(),
        plan.StreamFormat);
}
