using System.Buffers.Binary;
using Orator.Functional.Tests.Infrastructure;
using Orator.Server.Hosting;

namespace Orator.Functional.Tests.Playground;

/// <summary>
/// A server whose only model, "premium", is served by a loopback <see cref="FaultyUpstream"/>
/// answering a real 1.5 s WAV tone: upstream models have no word timings, so the playground's
/// request with <c>timestamps</c> is refused and it must play without highlighting.
/// </summary>
public sealed class UpstreamOnlyServerFixture : IAsyncLifetime
{
    public const string Model = "premium";
    public const double ToneSeconds = 1.5;

    private readonly string _directory = Directory.CreateTempSubdirectory("orator-playground-upstream-").FullName;
    private OratorServer? _server;
    private FaultyUpstream? _upstream;

    /// <summary>Base address of the Orator server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The upstream, which records every speech request that reached it.</summary>
    public FaultyUpstream Upstream => _upstream ?? throw new InvalidOperationException("Upstream not started.");

    public async Task InitializeAsync()
    {
        _upstream = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { Name = "cloud", Payload = Tone(24_000, ToneSeconds) });
        _server = await OratorServer.StartAsync(
        [
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--Orator:Storage:ConnectionString={Path.Combine(_directory, "orator.db")}",
            // No local engine, so every model is the upstream's.
            "--Orator:Workers=1", "--Orator:DisabledEngines:0=flite", "--Orator:DisabledEngines:1=espeak",
            $"--Orator:ModelsPath={Directory.CreateDirectory(Path.Combine(_directory, "models")).FullName}",
            $"--Orator:Upstreams:cloud:BaseUrl={_upstream.BaseUrl}",
            $"--Orator:Upstreams:cloud:Models:0={Model}=tts-1-hd",
        ]);
        BaseAddress = new Uri(_server.Urls[0].TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A 440 Hz tone as a 16-bit mono WAV file with its sizes filled in.</summary>
    private static byte[] Tone(int rate, double seconds)
    {
        var samples = (int)(rate * seconds);
        var wav = new byte[44 + (2 * samples)];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + (2 * samples));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], (short)1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], (short)1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], rate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], (short)2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], (short)16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], 2 * samples);
        for (var i = 0; i < samples; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + (2 * i))..], (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate)));
        }

        return wav;
    }
}
