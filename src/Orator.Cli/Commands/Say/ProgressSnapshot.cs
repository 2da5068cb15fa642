namespace Orator.Cli.Commands.Say;

/// <summary>How far a render is at one moment.</summary>
/// <param name="Characters">Characters of the input spoken so far.</param>
/// <param name="AudioSeconds">Seconds of audio written so far.</param>
internal readonly record struct ProgressSnapshot(long Characters, double AudioSeconds);
