namespace Orator.Server.Playground;

/// <summary>One file of the web playground, held in memory with its validator.</summary>
/// <param name="Path">The URL path it is served at, e.g. <c>/playground/playground.js</c>.</param>
/// <param name="ContentType">The Content-Type header value.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ETag">A strong entity tag derived from the content.</param>
internal sealed record PlaygroundAsset(string Path, string ContentType, byte[] Content, string ETag);
