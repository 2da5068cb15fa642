using System.Text.Json;
using Orator.Bench;

// Orator benchmarks. Every figure is a ratio against a baseline measured in the same run on the
// same machine, so a noisy shared machine moves both sides together.
//   scripts/bench.sh [concurrency|encoders|ttfa|matrix|memory|intelligibility|neural|say|cache|gateway|longform|all] [--runs N] [--json path] [--smoke] [--models DIR]
// (scripts/bench.sh compiles the native engine worker first, as scripts/serve.sh installs it, and runs this program.)
// --models DIR: the neural suite also measures the real Kokoro/Piper models of that model store.
// --smoke: every suite with tiny parameters; exits 0 when everything ran (targets reported, not enforced).
var runs = 3;
var jsonPath = "artifacts/bench.json";
var suite = "all";
var smoke = false;
string? modelsDirectory = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs" when i + 1 < args.Length:
            runs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--json" when i + 1 < args.Length:
            jsonPath = args[++i];
            break;
        case "--models" when i + 1 < args.Length:
            modelsDirectory = args[++i];
            break;
        case "--smoke":
            smoke = true;
            runs = 1;
            break;
        case "concurrency" or "encoders" or "ttfa" or "matrix" or "memory" or "intelligibility" or "neural" or "say" or "cache" or "gateway" or "longform" or "all":
            suite = args[i];
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'");
            return 1;
    }
}

var report = new BenchReport { Smoke = smoke };
Console.WriteLine($"engine worker: {report.EngineWorker}");
var smokeCharacters = smoke ? 600 : 4000;
if (suite is "all" or "concurrency")
{
    report.Concurrency = await ConcurrencyBenchmark.RunAsync(runs, smokeCharacters);
    foreach (var line in report.Concurrency.Report())
    {
        Console.WriteLine(line);
    }
}

if (suite is "all" or "encoders")
{
    report.Encoders = await EncoderBenchmark.RunAsync(runs, smokeCharacters);
    foreach (var line in EncoderBenchmark.Report(report.Encoders))
    {
        Console.WriteLine(line);
    }
}

if (suite is "all" or "ttfa")
{
    report.Ttfa = await TtfaBenchmark.RunAsync(runs, smoke);
    foreach (var line in TtfaBenchmark.Report(report.Ttfa))
    {
        Console.WriteLine(line);
    }
}

if (suite is "all" or "matrix")
{
    report.Matrix = await MatrixBenchmark.RunAsync(runs, smoke, CancellationToken.None);
    foreach (var line in MatrixBenchmark.Report(report.Matrix))
    {
        Console.WriteLine(line);
    }
}

if (suite is "all" or "memory")
{
    report.Memory = await MemoryBenchmark.RunAsync(smoke, CancellationToken.None);
    foreach (var line in MemoryBenchmark.Report(report.Memory))
    {
        Console.WriteLine(line);
    }
}

// Needs pocketsphinx, which CI does not install: part of a full "all" run, but not of "all --smoke".
if (suite is "intelligibility" || (suite is "all" && !smoke))
{
    report.Intelligibility = await IntelligibilityBenchmark.RunAsync(smoke, CancellationToken.None);
    foreach (var line in IntelligibilityBenchmark.Report(report.Intelligibility))
    {
        Console.WriteLine(line);
    }
}

if (suite is "all" or "neural")
{
    report.Neural = await NeuralBenchmark.RunAsync(runs, smoke, modelsDirectory, CancellationToken.None);
    foreach (var line in NeuralBenchmark.Report(report.Neural))
    {
        Console.WriteLine(line);
    }
}

if (suite is "all" or "cache")
{
    report.Cache = await CacheBenchmark.RunAsync(runs, smoke);
    foreach (var line in CacheBenchmark.Report(report.Cache))
    {
        Console.WriteLine(line);
    }
}

// Two `orator serve` processes: an upstream, and a gateway in front of it (about 15 s in smoke mode).
if (suite is "all" or "gateway")
{
    report.Gateway = await GatewayBenchmark.RunAsync(runs, smoke, CancellationToken.None);
    foreach (var line in GatewayBenchmark.Report(report.Gateway))
    {
        Console.WriteLine(line);
    }
}

if (suite is "all" or "say")
{
    report.Say = await SayBenchmark.RunAsync(runs, smoke, CancellationToken.None);
    foreach (var line in SayBenchmark.Report(report.Say))
    {
        Console.WriteLine(line);
    }
}

// Minutes long (a 1 MB book): part of a full "all" run and of "all --smoke" (20,000 characters), or alone.
if (suite is "all" or "longform")
{
    report.LongForm = await LongFormBenchmark.RunAsync(smoke, CancellationToken.None);
    foreach (var line in LongFormBenchmark.Report(report.LongForm))
    {
        Console.WriteLine(line);
    }
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport));
Console.WriteLine($"JSON written to {jsonPath}");
return smoke || report.AllTargetsMet ? 0 : 2;
