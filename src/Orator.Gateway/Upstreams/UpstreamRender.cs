using Orator.Speech.Rendering;

namespace Orator.Gateway.Upstreams;

/// <summary>How a call that reached audio (or the client's leaving) ended.</summary>
/// <param name="Outcome">Completed, client gone, or failed after audio (with the <see cref="UpstreamException"/>).</param>
/// <param name="TimeToFirstByte">From sending the request to the upstream's first audio byte.</param>
/// <param name="Bytes">Bytes passed through.</param>
public sealed record UpstreamRender(RenderOutcome Outcome, TimeSpan TimeToFirstByte, long Bytes);
