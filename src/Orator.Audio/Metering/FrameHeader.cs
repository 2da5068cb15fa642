namespace Orator.Audio.Metering;

/// <summary>What a self-delimiting frame's header says (an MPEG audio or ADTS frame).</summary>
/// <param name="Length">The whole frame's length in bytes, header included.</param>
/// <param name="Samples">Samples per channel the frame decodes to.</param>
/// <param name="SampleRate">The frame's sample rate in Hz.</param>
/// <param name="StreamKey">
/// The header bits every frame of one stream shares (version, layer, rate...): a header whose key
/// differs from its predecessor's is a false sync or a new stream.
/// </param>
internal readonly record struct FrameHeader(int Length, int Samples, int SampleRate, uint StreamKey);
