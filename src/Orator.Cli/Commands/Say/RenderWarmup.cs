using System.IO.Pipelines;
using Orator.Audio.Encoding;
using Orator.Audio.Joining;
using Orator.Audio.Pipeline;
using Orator.Core.Audio;
using Orator.Text;
using Orator.Text.Normalization;
using Orator.Text.Pronunciation;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// Runs a tiny render's text and audio path (normalizer, splitter, joiner, resampler, encoder)
/// into nothing while the settings are read and the engine worker starts. The CLI runs with TieredCompilation off
/// (build/ServerProcess.props, for the server's memory), so each method compiles fully optimised
/// on its first call: the real render's first sentence otherwise waits for that, after the worker
/// is ready, instead of alongside its start. Nothing here is used afterwards.
/// </summary>
internal static class RenderWarmup
{
    private const int SampleRate = 16_000;

    /// <summary>Warms the path of <paramref name="format"/>; never throws (it is only a head start).</summary>
    public static void Run(AudioFormat format)
    {
        try
        {
            var text = new SpeechTextPreparer().Prepare("At 10:30 on 2 May, Dr. Smith paid $5.", new EnglishNormalizer());
            _ = new SentenceSplitter().Split(text);
            RenderSineAsync(format).AsTask().GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // A failed warm-up changes nothing: the real render reports real problems.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static async ValueTask RenderSineAsync(AudioFormat format)
    {
        var samples = new short[SampleRate / 10];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(3000 * Math.Sin(i * 2 * Math.PI * 220 / SampleRate));
        }

        var writer = PipeWriter.Create(Stream.Null);
        using var encoder = AudioEncoderFactory.Create(format, AudioEncoderFactory.OutputSampleRate);
        using var pipeline = new AudioPipeline(SampleRate, 1.0, encoder, writer);
        using var joiner = new SegmentJoiner(SampleRate, [TimeSpan.FromMilliseconds(100)], pipeline);
        await pipeline.StartAsync(CancellationToken.None);
        await joiner.WriteAsync(samples, CancellationToken.None);
        await joiner.EndSegmentAsync(0, CancellationToken.None);
        await pipeline.CompleteAsync(CancellationToken.None);
        await writer.CompleteAsync();
    }
}
