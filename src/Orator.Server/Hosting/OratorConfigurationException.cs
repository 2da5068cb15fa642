namespace Orator.Server.Hosting;

/// <summary>
/// The configuration cannot be used: a file that cannot be read, a value that is not a number, a
/// number out of its range. Every problem found is listed, each naming its key, so one start
/// reports them all; thrown before anything is opened or started.
/// </summary>
public sealed class OratorConfigurationException : Exception
{
    /// <summary>Creates the exception over the problems found (at least one).</summary>
    public OratorConfigurationException(IReadOnlyList<string> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Creates the exception for one problem.</summary>
    public OratorConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception for one problem and its cause.</summary>
    public OratorConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public OratorConfigurationException()
        : this("The configuration is not valid.")
    {
    }

    /// <summary>Each problem, one sentence naming the key, e.g. <c>Orator:Workers must be between 0 and 64 (got 100).</c></summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("At least one problem is needed.", nameof(problems));
        }

        return problems.Count == 1
            ? problems[0]
            : $"{problems.Count} configuration problems:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}";
    }
}
