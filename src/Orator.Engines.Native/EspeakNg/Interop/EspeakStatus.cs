namespace Orator.Engines.EspeakNg.Interop;

/// <summary><c>espeak_ERROR</c> from <c>/usr/include/espeak-ng/speak_lib.h</c>.</summary>
internal enum EspeakStatus
{
    /// <summary><c>EE_INTERNAL_ERROR</c>.</summary>
    InternalError = -1,

    /// <summary><c>EE_OK</c>.</summary>
    Ok = 0,

    /// <summary><c>EE_BUFFER_FULL</c>: only in the asynchronous modes.</summary>
    BufferFull = 1,

    /// <summary><c>EE_NOT_FOUND</c>: e.g. no voice of that name.</summary>
    NotFound = 2,
}
