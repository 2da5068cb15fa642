namespace Orator.Speech.Captions;

/// <summary>One row of <see cref="CaptionFormats"/>' table.</summary>
internal readonly record struct CaptionFormatEntry(CaptionFormat Format, string Name, string Extension, string MediaType);
