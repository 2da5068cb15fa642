namespace Orator.Text.Normalization;

/// <summary>What one reader made of one or more tokens: the words, how many tokens they replace, and the punctuation kept around them.</summary>
internal readonly record struct Reading(string Spoken, int Consumed, string Leading, string Trailing);
