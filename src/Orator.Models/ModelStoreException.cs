namespace Orator.Models;

/// <summary>A model store failure with a message meant for the person at the terminal.</summary>
public sealed class ModelStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelStoreException(ModelStoreError error, string message, Exception? innerException = null)
        : base(message, innerException) => Error = error;

    /// <summary>Creates an <see cref="ModelStoreError.UnknownModel"/> exception (for serializers and analyzers).</summary>
    public ModelStoreException()
        : this(ModelStoreError.UnknownModel, "Model store error.")
    {
    }

    /// <summary>Creates an <see cref="ModelStoreError.UnknownModel"/> exception with a message.</summary>
    public ModelStoreException(string message)
        : this(ModelStoreError.UnknownModel, message)
    {
    }

    /// <summary>Creates an <see cref="ModelStoreError.UnknownModel"/> exception with a message and cause.</summary>
    public ModelStoreException(string message, Exception innerException)
        : this(ModelStoreError.UnknownModel, message, innerException)
    {
    }

    /// <summary>What kind of failure this is.</summary>
    public ModelStoreError Error { get; }
}
