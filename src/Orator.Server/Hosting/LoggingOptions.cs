namespace Orator.Server.Hosting;

/// <summary>Log output settings, bound from <c>Orator:Logging</c>.</summary>
public sealed class LoggingOptions
{
    /// <summary>Write console logs as one JSON object per line (with the request id scope) instead of plain text.</summary>
    public bool Json { get; init; }

    /// <summary>
    /// Log the input text of speech requests at Debug level. Off by default: what users ask to
    /// hear is their data, not operational information.
    /// </summary>
    public bool IncludeText { get; init; }
}
