namespace Orator.Models;

/// <summary>What went wrong in a model store operation; the CLI maps each to a message and exit code.</summary>
public enum ModelStoreError
{
    /// <summary>The name is not a pullable or installed model.</summary>
    UnknownModel,

    /// <summary>The server answered 404 for a file.</summary>
    NotFound,

    /// <summary>The server answered another unsuccessful status.</summary>
    HttpStatus,

    /// <summary>The connection failed or dropped; a partial download may be kept for resuming.</summary>
    Network,

    /// <summary>The downloaded bytes do not have the expected size or digest; nothing was installed.</summary>
    ChecksumMismatch,

    /// <summary>No space left on the device (ENOSPC), before or during the download.</summary>
    DiskFull,

    /// <summary>An installed file no longer matches the digest recorded when it was installed.</summary>
    Corrupted,
}
