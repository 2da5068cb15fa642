namespace Orator.Engines.Workers;

/// <summary>Environment variables the server's pool sets on a worker process and the worker reads.</summary>
internal static class WorkerEnvironment
{
    /// <summary>Engine ids the worker must not load (comma separated).</summary>
    public const string DisabledEnginesVariable = "ORATOR_WORKER_DISABLED_ENGINES";
}
