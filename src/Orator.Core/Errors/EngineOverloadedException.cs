namespace Orator.Core.Errors;

/// <summary>No engine capacity became free in time; the client should retry later (HTTP 503).</summary>
public sealed class EngineOverloadedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EngineOverloadedException() { }

    /// <summary>Creates the exception with a message.</summary>
    public EngineOverloadedException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public EngineOverloadedException(string message, Exception innerException) : base(message, innerException) { }
}
