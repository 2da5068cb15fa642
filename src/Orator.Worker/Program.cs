using Orator.Core.Engines;
using Orator.Engines.EspeakNg;
using Orator.Engines.Flite;
using Orator.Engines.Native;
using Orator.Engines.Workers;
using Orator.Worker;

// The engine worker: started by the server's EngineWorkerPool, one per core. It loads the native
// engines, speaks one request at a time, and exits when the server closes its stdin.
var synthesizers = new List<INativeSynthesizer>();
var missing = new List<(string EngineId, string Problem)>();
var disabled = (Environment.GetEnvironmentVariable(WorkerEnvironment.DisabledEnginesVariable) ?? "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
const string DisabledProblem = "disabled by configuration (Orator:DisabledEngines)";

if (disabled.Contains(EngineIds.Flite, StringComparer.OrdinalIgnoreCase))
{
    missing.Add((EngineIds.Flite, DisabledProblem));
}
else if (FliteSynthesizer.TryCreate(out var flite, out var fliteProblem))
{
    synthesizers.Add(flite!);
}
else
{
    missing.Add((EngineIds.Flite, fliteProblem ?? "Flite could not be loaded."));
}

if (disabled.Contains(EngineIds.Espeak, StringComparer.OrdinalIgnoreCase))
{
    missing.Add((EngineIds.Espeak, DisabledProblem));
}
else if (EspeakSynthesizer.TryCreate(out var espeak, out var espeakProblem))
{
    synthesizers.Add(espeak!);
}
else
{
    missing.Add((EngineIds.Espeak, espeakProblem ?? "espeak-ng could not be loaded."));
}

using var output = ProtocolChannel.OpenOutput();
using var input = Console.OpenStandardInput();
using var host = new WorkerHost(synthesizers, missing, input, output);
var exitCode = host.Run();
foreach (var synthesizer in synthesizers)
{
    synthesizer.Dispose();
}

return exitCode;
