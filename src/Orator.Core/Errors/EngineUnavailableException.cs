namespace Orator.Core.Errors;

/// <summary>An engine could not run (native library missing, worker died, engine failed).</summary>
public sealed class EngineUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EngineUnavailableException() { }

    /// <summary>Creates the exception with a message a user can act on.</summary>
    public EngineUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public EngineUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
