using System.Text.Json;
using Orator.Bench;

// Orator benchmarks. Every figure is a ratio against a baseline measured in the same run on the
// same machine, so a noisy shared machine moves both sides together.
//   dotnet run -c Release --project bench/Orator.Bench -- [--runs N] [--json path]
var runs = 3;
var jsonPath = "artifacts/bench.json";
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--runs")
    {
        runs = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--json")
    {
        jsonPath = args[i + 1];
    }
}

var results = await ConcurrencyBenchmark.RunAsync(runs);
foreach (var line in results.Report())
{
    Console.WriteLine(line);
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(results, BenchJsonContext.Default.BenchResults));
Console.WriteLine($"JSON written to {jsonPath}");
return results.AllTargetsMet ? 0 : 2;
