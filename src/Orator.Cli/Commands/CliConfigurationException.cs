namespace Orator.Cli.Commands;

/// <summary>The settings a command runs with cannot be read: a bad value, file or lexicon. The message says which.</summary>
internal sealed class CliConfigurationException : Exception
{
    public CliConfigurationException()
    {
    }

    public CliConfigurationException(string message)
        : base(message)
    {
    }

    public CliConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
