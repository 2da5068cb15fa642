namespace Orator.Audio.Encoding.Flac.Interop;

/// <summary><c>FLAC__StreamEncoderInitStatus</c> from <c>stream_encoder.h</c>.</summary>
internal enum FlacInitStatus
{
    Ok = 0,
    EncoderError,
    UnsupportedContainer,
    InvalidCallbacks,
    InvalidNumberOfChannels,
    InvalidBitsPerSample,
    InvalidSampleRate,
    InvalidBlockSize,
    InvalidMaxLpcOrder,
    InvalidQlpCoeffPrecision,
    BlockSizeTooSmallForLpcOrder,
    NotStreamable,
    InvalidMetadata,
    AlreadyInitialized,
}
