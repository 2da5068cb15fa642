namespace Orator.Cli.Commands.Say;

/// <summary>One audio file a render completed.</summary>
/// <param name="Path">Where it is.</param>
/// <param name="Bytes">Its length.</param>
/// <param name="Seconds">Seconds of audio in it.</param>
/// <param name="Title">Its chapter title (the playlist's entry).</param>
/// <param name="Created">True when this command created the file (rather than overwrote one).</param>
internal sealed record WrittenPart(string Path, long Bytes, double Seconds, string Title, bool Created);
