namespace Orator.Cli.Commands.Say.LongForm;

/// <summary>One line of the input, or a fragment of a line too long to hold at once.</summary>
/// <param name="Text">The characters, without the line break.</param>
/// <param name="EndsLine">False for a fragment that the next read continues (no line break between them).</param>
/// <param name="End">Characters of the input read through this line and its line break.</param>
internal readonly record struct LineRead(string Text, bool EndsLine, long End);
