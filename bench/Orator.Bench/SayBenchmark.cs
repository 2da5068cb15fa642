using System.Globalization;
using Orator.Testing.Cli;

namespace Orator.Bench;

/// <summary>
/// <c>orator say</c> against the <c>flite</c> CLI, both as whole processes, median wall seconds.
/// The long pair is the target; the short pair and <c>orator --help</c> show where the rest goes
/// (fixed start-up: runtime, JIT, worker start; versus work that grows with the text).
/// </summary>
public sealed record SayResult(
    int Characters, int Runs, double OratorSeconds, double FliteSeconds, double ShortOratorSeconds, double ShortFliteSeconds,
    double HelpSeconds, string OratorCommand, string FliteCommand, IReadOnlyList<TargetCheck> Targets)
{
    public double Ratio => OratorSeconds / FliteSeconds;

    /// <summary>What <c>orator say</c> costs beyond flite on one short sentence: its fixed start-up.</summary>
    public double FixedOverheadSeconds => ShortOratorSeconds - ShortFliteSeconds;
}

/// <summary>
/// Times the real CLI process (<c>dotnet orator.dll say --file text.txt -o out.wav</c>, with the
/// engine worker <c>ORATOR_WORKER_PATH</c> names, as scripts/bench.sh sets it) against
/// <c>flite -voice slt -f text.txt -o out.wav</c> (alloy is flite slt) on the same text,
/// interleaved after a warm-up of each, so a noisy machine moves both sides together.
/// </summary>
public static class SayBenchmark
{
    public static async Task<SayResult> RunAsync(int runs, bool smoke, CancellationToken cancellationToken)
    {
        var text = smoke ? BenchText.ShortSentence : BenchText.Create(4096);
        var folder = Directory.CreateTempSubdirectory("orator-bench-say-").FullName;
        try
        {
            var dll = OratorProcess.OratorDll;
            var (say, flite) = await WriteCommandsAsync(folder, "long", text, dll, cancellationToken);
            var (shortSay, shortFlite) = await WriteCommandsAsync(folder, "short", BenchText.ShortSentence, dll, cancellationToken);
            var help = $"dotnet '{dll}' --help > /dev/null";

            var times = await InterleavedAsync([say, flite, shortSay, shortFlite, help], smoke ? 1 : runs, cancellationToken);
            var result = new SayResult(text.Length, smoke ? 1 : runs, times[0], times[1], times[2], times[3], times[4], say, flite, []);
            return result with { Targets = [new TargetCheck(string.Create(CultureInfo.InvariantCulture, $"{text.Length:N0} chars `orator say` vs flite CLI"), result.Ratio, 1.05, "x")] };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static IEnumerable<string> Report(SayResult result)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"say: orator say (in process, default workers, wav) vs flite CLI (slt, wav); {result.Characters} characters; medians of {result.Runs} interleaved runs; {Environment.ProcessorCount} cores");
        yield return $"  orator: {result.OratorCommand}";
        yield return $"  flite:  {result.FliteCommand}";
        yield return string.Create(c, $"orator say   {result.OratorSeconds,8:F3} s   flite {result.FliteSeconds,8:F3} s   ratio {result.Ratio:F3}x");
        yield return string.Create(c, $"short input  {result.ShortOratorSeconds,8:F3} s   flite {result.ShortFliteSeconds,8:F3} s   fixed overhead {result.FixedOverheadSeconds:F3} s (of which `orator --help` {result.HelpSeconds:F3} s)");
        foreach (var t in result.Targets)
        {
            yield return t.Line();
        }
    }

    private static async Task<(string Say, string Flite)> WriteCommandsAsync(string folder, string name, string text, string dll, CancellationToken cancellationToken)
    {
        var textFile = Path.Combine(folder, name + ".txt");
        await File.WriteAllTextAsync(textFile, text, cancellationToken);
        return (
            $"dotnet '{dll}' say --file '{textFile}' -o '{Path.Combine(folder, name + "-orator.wav")}' > /dev/null",
            $"flite -voice slt -f '{textFile}' -o '{Path.Combine(folder, name + "-flite.wav")}'");
    }

    /// <summary>Median seconds of each command: one warm-up each (page cache, first JIT of nothing), then rounds in a rotating order.</summary>
    private static async Task<double[]> InterleavedAsync(string[] commands, int runs, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            await CliBaseline.TimeAsync(command, cancellationToken);
        }

        var seconds = commands.Select(_ => new List<double>()).ToArray();
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < commands.Length; i++)
            {
                var which = (i + run) % commands.Length;
                seconds[which].Add(await CliBaseline.TimeAsync(commands[which], cancellationToken));
            }
        }

        return [.. seconds.Select(Stats.Median)];
    }
}
