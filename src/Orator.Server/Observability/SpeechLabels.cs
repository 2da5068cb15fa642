namespace Orator.Server.Observability;

/// <summary>
/// What a speech request turned out to be, filled in as the endpoint learns it, for the metric
/// labels. Every value comes from a closed set (catalog ids, format names), never from raw input.
/// </summary>
internal sealed class SpeechLabels
{
    /// <summary>The catalog model id, or empty before the request is parsed, or "unknown".</summary>
    public string Model { get; set; } = "";

    /// <summary>The engine that speaks, or empty before the voice is resolved.</summary>
    public string Engine { get; set; } = "";

    /// <summary>The response format, or empty before the request is parsed.</summary>
    public string Format { get; set; } = "";
}
