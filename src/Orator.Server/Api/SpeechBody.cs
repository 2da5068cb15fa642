using Orator.Speech.Requests;

namespace Orator.Server.Api;

/// <summary>
/// A parsed speech body: the request the speech core plans, plus what only the HTTP side uses.
/// </summary>
/// <param name="Request">The request.</param>
/// <param name="Ignored">Fields accepted but not acted on, in body order (<c>x-orator-ignored-params</c>).</param>
internal sealed record SpeechBody(SpeechRequest Request, IReadOnlyList<string> Ignored);
