using System.Globalization;
using System.Text.Json.Serialization;

namespace Orator.Bench;

/// <summary>Timings of one benchmark run, in seconds (medians over the runs).</summary>
public sealed record BenchResults(
    int Characters,
    int Runs,
    double FliteCliSeconds,
    double OratorSingleSeconds,
    double OratorSequentialPairSeconds,
    double OratorConcurrentPairSeconds,
    double AudioSeconds)
{
    public double SingleVsCli => OratorSingleSeconds / FliteCliSeconds;

    public double ConcurrentVsSequential => OratorConcurrentPairSeconds / OratorSequentialPairSeconds;

    /// <summary>
    /// Issue 17: one request renders on both workers, so it must beat the single-threaded CLI
    /// clearly. Issue 2 asked two concurrent requests to take at most 0.60 of two sequential ones,
    /// which held while a request used one worker; now each sequential request already uses both,
    /// so the pair at once must simply cost no more than the pair in turn.
    /// </summary>
    public const double SingleTarget = 0.60;

    /// <summary>See <see cref="SingleTarget"/>.</summary>
    public const double PairTarget = 1.05;

    public bool AllTargetsMet => SingleVsCli <= SingleTarget && ConcurrentVsSequential <= PairTarget;

    public IEnumerable<string> Report()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"text: {Characters} characters, {AudioSeconds:F1} s of audio; medians of {Runs} runs; {Environment.ProcessorCount} cores");
        yield return string.Create(c, $"flite CLI (slt, wav)                 {FliteCliSeconds,8:F3} s");
        yield return string.Create(c, $"orator single request (slt, wav)     {OratorSingleSeconds,8:F3} s   ratio vs CLI {SingleVsCli:F3}  (target <= {SingleTarget:F2}) {(SingleVsCli <= SingleTarget ? "PASS" : "FAIL")}");
        yield return string.Create(c, $"orator two requests, one after other {OratorSequentialPairSeconds,8:F3} s");
        yield return string.Create(c, $"orator two requests, concurrent      {OratorConcurrentPairSeconds,8:F3} s   ratio vs sequential {ConcurrentVsSequential:F3}  (target <= {PairTarget:F2}) {(ConcurrentVsSequential <= PairTarget ? "PASS" : "FAIL")}");
    }
}

/// <summary>Everything one bench run measured.</summary>
public sealed class BenchReport
{
    public BenchResults? Concurrency { get; set; }

    public IReadOnlyList<EncoderResult>? Encoders { get; set; }

    public IReadOnlyList<TtfaResult>? Ttfa { get; set; }

    public MatrixResult? Matrix { get; set; }

    public MemoryResult? Memory { get; set; }

    public IntelligibilityResult? Intelligibility { get; set; }
    public NeuralResult? Neural { get; set; }

    public SayResult? Say { get; set; }

    public CacheResult? Cache { get; set; }

    public GatewayResult? Gateway { get; set; }

    public LongFormResult? LongForm { get; set; }

    /// <summary>True when this was a <c>--smoke</c> run: tiny parameters, targets reported but not enforced.</summary>
    public bool Smoke { get; set; }

    /// <summary>The engine worker the servers in this run started (the natively compiled one, or the managed one).</summary>
    public string EngineWorker { get; set; } = Environment.GetEnvironmentVariable("ORATOR_WORKER_PATH") is { Length: > 0 } path
        ? $"native ({path})"
        : "managed (dotnet Orator.Worker.dll)";

    public string Date { get; set; } = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    public bool AllTargetsMet =>
        (Concurrency?.AllTargetsMet ?? true) && (Encoders?.All(e => e.SpeedVsFfmpeg >= 1.0) ?? true) && (Ttfa?.All(t => t.TargetMet) ?? true)
        && (Matrix?.Targets.All(t => t.Met != false) ?? true) && (Memory?.Targets.All(t => t.Met != false) ?? true)
        && (Intelligibility?.Targets.All(t => t.Met != false) ?? true)
        && (Neural?.Targets.All(t => t.Met != false) ?? true)
        && (Say?.Targets.All(t => t.Met != false) ?? true)
        && (Cache?.Targets.All(t => t.Met != false) ?? true)
        && (Gateway?.Targets.All(t => t.Met != false) ?? true)
        && (LongForm?.Targets.All(t => t.Met != false) ?? true);
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
