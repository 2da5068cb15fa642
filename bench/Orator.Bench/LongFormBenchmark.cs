using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Orator.Testing.Cli;

namespace Orator.Bench;

/// <summary>
/// A book through <c>orator say --file book.txt -o book.mp3</c>: real-time factor (audio seconds
/// per wall second, the whole process) and the resident set of the CLI process plus its engine
/// workers at 10 % and at 100 % of the book, read off the plain progress lines the CLI writes to a
/// redirected standard error. Flat memory means less than 10 % growth between the two.
/// </summary>
public sealed record LongFormResult(
    int Characters, string Voice, double WallSeconds, double AudioSeconds, double RssAt10PercentMb, double RssAt100PercentMb,
    double CliRssAt10PercentMb, double CliRssAt100PercentMb, double PeakRssMb, int ProgressLines, string Command, IReadOnlyList<TargetCheck> Targets)
{
    /// <summary>Seconds of audio per second of wall time.</summary>
    public double RealTimeFactor => AudioSeconds / WallSeconds;

    /// <summary>RSS growth (CLI + workers) from 10 % to 100 % of the book, in percent.</summary>
    public double RssGrowthPercent => (RssAt100PercentMb / RssAt10PercentMb - 1) * 100;

    /// <summary>RSS growth of the CLI process alone (what long form itself holds), in percent.</summary>
    public double CliRssGrowthPercent => (CliRssAt100PercentMb / CliRssAt10PercentMb - 1) * 100;
}

public static partial class LongFormBenchmark
{
    /// <summary>Flite kal16, the fastest voice: a megabyte takes minutes, not the best part of an hour (alloy, slt, is about three times slower).</summary>
    private const string Voice = "verse";

    public static async Task<LongFormResult> RunAsync(bool smoke, CancellationToken cancellationToken)
    {
        var characters = smoke ? 20_000 : 1_000_000;
        var folder = Directory.CreateTempSubdirectory("orator-bench-longform-").FullName;
        try
        {
            var textFile = Path.Combine(folder, "book.txt");
            await File.WriteAllTextAsync(textFile, BenchText.Book(characters), cancellationToken);
            var info = OratorProcess.StartInfo("say", "--file", textFile, "-v", Voice, "-o", Path.Combine(folder, "book.mp3"));
            var command = $"dotnet {OratorProcess.OratorDll} say --file book.txt -v {Voice} -o book.mp3";
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet not found");
            IEnumerable<int> Pids() => [process.Id, .. ProcessTree.Children(process.Id)];
            var sampler = new RssSampler(Pids);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            (double All, double Cli)? at10 = null, at100 = null;
            var lines = 0;
            var errors = new List<string>();
            while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
            {
                if (Progress().Match(line) is not { Success: true } match)
                {
                    errors.Add(line);
                    continue;
                }

                lines++;
                var percent = int.Parse(match.Groups["percent"].Value, CultureInfo.InvariantCulture);
                if (percent >= 10 && at10 is null)
                {
                    at10 = (RssSampler.TotalMb(Pids()), RssSampler.TotalMb([process.Id]));
                }

                if (percent == 100)
                {
                    at100 = (RssSampler.TotalMb(Pids()), RssSampler.TotalMb([process.Id]));
                }
            }

            await process.WaitForExitAsync(cancellationToken);
            var wall = clock.Elapsed.TotalSeconds;
            await sampler.DisposeAsync();
            var stdout = await output;
            if (process.ExitCode != 0 || at10 is null || at100 is null)
            {
                throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}: {string.Join('\n', errors)}");
            }

            var audio = double.Parse(Wrote().Match(stdout).Groups["seconds"].Value, CultureInfo.InvariantCulture);
            var result = new LongFormResult(characters, Voice, wall, audio, at10.Value.All, at100.Value.All, at10.Value.Cli, at100.Value.Cli, Math.Max(sampler.PeakMb, at100.Value.All), lines, command, []);
            return result with
            {
                Targets =
                [
                    new TargetCheck(string.Create(CultureInfo.InvariantCulture, $"{characters:N0} chars long form: RSS growth 10% -> 100% of the book (CLI + workers)"), result.RssGrowthPercent, 10, "%"),
                    new TargetCheck(string.Create(CultureInfo.InvariantCulture, $"{characters:N0} chars long form: RSS growth 10% -> 100% of the book (CLI process)"), result.CliRssGrowthPercent, 10, "%"),
                ],
            };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static IEnumerable<string> Report(LongFormResult r)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"longform: orator say --file ({r.Characters:N0} characters, {r.Voice}, mp3, default workers); {Environment.ProcessorCount} cores");
        yield return $"  {r.Command}";
        yield return string.Create(c, $"wall {r.WallSeconds:F1} s, {r.AudioSeconds:F0} s of audio: real-time factor {r.RealTimeFactor:F1}x, {r.Characters / r.WallSeconds:F0} characters/s");
        yield return string.Create(c, $"RSS (CLI + workers) at 10% {r.RssAt10PercentMb:F1} MB, at 100% {r.RssAt100PercentMb:F1} MB, peak {r.PeakRssMb:F1} MB; CLI alone {r.CliRssAt10PercentMb:F1} -> {r.CliRssAt100PercentMb:F1} MB; {r.ProgressLines} progress lines");
        foreach (var t in r.Targets)
        {
            yield return t.Line();
        }
    }

    [GeneratedRegex(@"^orator say: (?<percent>\d+)% ")]
    private static partial Regex Progress();

    [GeneratedRegex(@"\((?<bytes>\d+) bytes, (?<seconds>\d+\.\d\d) s of audio\)")]
    private static partial Regex Wrote();
}
