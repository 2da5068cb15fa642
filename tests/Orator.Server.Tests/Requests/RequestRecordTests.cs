using Microsoft.AspNetCore.Http;
using Orator.Server.Requests;

namespace Orator.Server.Tests.Requests;

public sealed class RequestRecordTests
{
    private static readonly DateTimeOffset Arrival = new(2030, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_usage_row_names_the_backend_that_served_the_audio()
    {
        var record = new RequestRecord("req-1", "/v1/audio/speech", Arrival, 0)
        {
            KeyId = "k1",
            ModelId = "tts-1",
            Engine = "flite",
            Voice = "flite:slt",
            Format = "mp3",
            Characters = 12,
            AudioSeconds = 1.5,
            CacheHit = true,
            Backend = "gpu-box",
        };
        record.Complete(new DefaultHttpContext { Response = { StatusCode = 200 } }, threw: false);

        var usage = record.ToUsage();

        Assert.Equal("gpu-box", usage.Backend);
        Assert.True(usage.CacheHit);
        Assert.Equal(("req-1", "k1", "tts-1", "flite", 200), (usage.RequestId, usage.KeyId, usage.Model, usage.Engine, usage.Status));
    }

    [Fact]
    public void A_request_refused_before_any_backend_records_no_backend()
    {
        var record = new RequestRecord("req-2", "/v1/audio/speech", Arrival, 0) { KeyId = "k1", ModelAsked = "tts-1" };
        record.Complete(new DefaultHttpContext { Response = { StatusCode = 429 } }, threw: false);

        var usage = record.ToUsage();

        Assert.Null(usage.Backend);
        Assert.Equal(429, usage.Status);
    }
}
