namespace Orator.Cli.Commands.Say;

/// <summary>The exit statuses of <c>orator say</c>, so scripts can tell the failures apart.</summary>
internal static class SayExit
{
    /// <summary>The audio was written.</summary>
    public const int Written = 0;

    /// <summary>Rendering failed (an engine failed, or no worker was free); no output file is left.</summary>
    public const int Failed = 1;

    /// <summary>The request was refused before any audio: bad option, no text, unknown voice, model or format, bad configuration.</summary>
    public const int Refused = 2;

    /// <summary>Ctrl+C (or SIGTERM) stopped it; no output file is left.</summary>
    public const int Cancelled = 130;
}
