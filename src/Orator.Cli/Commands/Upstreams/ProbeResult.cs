namespace Orator.Cli.Commands.Upstreams;

/// <summary>What one upstream did with the probe.</summary>
/// <param name="Name">The upstream.</param>
/// <param name="Model">The model asked for: the id here, or <c>local=upstream</c> when the upstream calls it otherwise.</param>
/// <param name="Voice">The voice asked for, written the same way.</param>
/// <param name="Result"><c>ok</c>, a failure label (<c>refused</c>, <c>timeout</c>, <c>unauthorized</c>, <c>client_error</c>, <c>cut_short</c>...) or <c>http NNN</c> for a server error.</param>
/// <param name="Status">The upstream's HTTP status, when it answered.</param>
/// <param name="Detail">What went wrong, in words (never the key, never a 401/403 body); null when ok.</param>
/// <param name="FirstByteMs">Milliseconds from sending to the first audio byte; null when none came.</param>
/// <param name="Bytes">Audio bytes received.</param>
internal sealed record ProbeResult(string Name, string Model, string Voice, string Result, int? Status, string? Detail, long? FirstByteMs, long Bytes)
{
    /// <summary>The result of a probe that got all its audio.</summary>
    public const string Passed = "ok";

    /// <summary>True when all the audio came.</summary>
    public bool Ok => Result == Passed;
}
