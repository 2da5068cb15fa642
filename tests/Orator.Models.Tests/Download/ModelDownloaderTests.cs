using Orator.Models.Download;
using Orator.Models.Tests.Support;

namespace Orator.Models.Tests.Download;

public sealed class ModelDownloaderTests : IAsyncLifetime
{
    private readonly TempStore _store = new();
    private readonly HttpClient _http = new();
    private FixtureServer _server = null!;

    public async Task InitializeAsync() => _server = await FixtureServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task A_file_with_the_expected_sha256_is_installed_under_its_final_name_and_no_part_remains()
    {
        var body = Fixtures.Bytes(300_000, seed: 1);
        _server.Serve("files/voice.onnx", body);
        var file = Fixtures.File(_server, "voice.onnx", body);
        var target = _store.Layout.PathOf(file.RelativePath);

        var result = await new ModelDownloader(_http).DownloadAsync(file, target, null, CancellationToken.None);

        Assert.Equal(body, await File.ReadAllBytesAsync(target));
        Assert.Equal(Fixtures.Sha256(body), result.Sha256);
        Assert.Equal(body.Length, result.Size);
        Assert.Equal(["piper/voice.onnx"], _store.Files());
        Assert.Null(_server.RequestsFor("files/voice.onnx").Single().Range);
    }

    [Fact]
    public async Task A_sha256_mismatch_is_an_error_that_installs_nothing_and_deletes_the_download()
    {
        var body = Fixtures.Bytes(200_000, seed: 2);
        _server.Serve("files/voice.onnx", body);
        var file = Fixtures.File(_server, "voice.onnx", body) with { Sha256 = Fixtures.Sha256(Fixtures.Bytes(10, seed: 99)) };
        var target = _store.Layout.PathOf(file.RelativePath);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => new ModelDownloader(_http).DownloadAsync(file, target, null, CancellationToken.None));

        Assert.Equal(ModelStoreError.ChecksumMismatch, error.Error);
        Assert.Contains("sha256 " + Fixtures.Sha256(body), error.Message, StringComparison.Ordinal);
        Assert.Contains("expected " + file.Sha256, error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Files());
    }

    [Fact]
    public async Task A_size_announced_by_the_server_that_differs_from_the_catalog_fails_before_the_body_is_stored()
    {
        var body = Fixtures.Bytes(50_000, seed: 3);
        _server.Serve("files/voice.onnx", body);
        var file = Fixtures.File(_server, "voice.onnx", body) with { Size = 60_000 };

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => new ModelDownloader(_http).DownloadAsync(file, _store.Layout.PathOf(file.RelativePath), null, CancellationToken.None));

        Assert.Equal(ModelStoreError.ChecksumMismatch, error.Error);
        Assert.Contains("50,000 bytes, but 60,000 are expected", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Files());
    }

    [Fact]
    public async Task A_transfer_dropped_mid_body_keeps_the_part_and_the_next_download_resumes_with_a_range_request()
    {
        var body = Fixtures.Bytes(1_000_000, seed: 4);
        var target = _store.Layout.PathOf("piper/voice.onnx");
        _server.Serve("files/voice.onnx", body, new FixtureBehavior { DropAfterBytesOnce = 400_000, ClientHolds = Fixtures.PartHolds(target, 400_000) });
        var file = Fixtures.File(_server, "voice.onnx", body);
        Assert.Equal(target, _store.Layout.PathOf(file.RelativePath));
        var downloader = new ModelDownloader(_http);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => downloader.DownloadAsync(file, target, null, CancellationToken.None));

        Assert.Equal(ModelStoreError.Network, error.Error);
        Assert.Contains("run the same pull again to resume", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        // The server drops the connection only once the part holds all it sent.
        var kept = new FileInfo(target + ".part").Length;
        Assert.Equal(400_000, kept);
        Assert.Equal(body.AsSpan(0, (int)kept).ToArray(), await File.ReadAllBytesAsync(target + ".part"));

        var result = await downloader.DownloadAsync(file, target, null, CancellationToken.None);

        Assert.Equal(body, await File.ReadAllBytesAsync(target));
        Assert.Equal(kept, result.ResumedFrom);
        Assert.False(result.RestartedFromZero);
        var requests = _server.RequestsFor("files/voice.onnx");
        Assert.Equal([null, $"bytes={kept}-"], requests.Select(r => r.Range));
        Assert.Equal(206, requests[1].Status);
        Assert.Equal(["piper/voice.onnx"], _store.Files());
    }

    [Fact]
    public async Task A_server_that_ignores_range_is_downloaded_again_from_zero_and_ends_with_the_right_bytes()
    {
        var body = Fixtures.Bytes(500_000, seed: 5);
        var target = _store.Layout.PathOf("piper/voice.onnx");
        _server.Serve("files/voice.onnx", body, new FixtureBehavior { IgnoreRange = true, DropAfterBytesOnce = 123_456, ClientHolds = Fixtures.PartHolds(target, 123_456) });
        var file = Fixtures.File(_server, "voice.onnx", body);
        Assert.Equal(target, _store.Layout.PathOf(file.RelativePath));
        var downloader = new ModelDownloader(_http);
        await Assert.ThrowsAsync<ModelStoreException>(() => downloader.DownloadAsync(file, target, null, CancellationToken.None));
        var kept = new FileInfo(target + ".part").Length;
        Assert.InRange(kept, 1, 123_456);

        var result = await downloader.DownloadAsync(file, target, null, CancellationToken.None);

        Assert.True(result.RestartedFromZero);
        Assert.Equal(0, result.ResumedFrom);
        Assert.Equal(body, await File.ReadAllBytesAsync(target));
        var requests = _server.RequestsFor("files/voice.onnx");
        Assert.Equal($"bytes={kept}-", requests[1].Range);
        Assert.Equal(200, requests[1].Status);
    }

    [Fact]
    public async Task A_part_longer_than_the_file_on_the_server_is_dropped_after_a_416_and_the_file_fetched_whole()
    {
        var body = Fixtures.Bytes(10_000, seed: 6);
        _server.Serve("files/voice.onnx", body);
        var file = Fixtures.File(_server, "voice.onnx", body) with { Size = null };
        var target = _store.Layout.PathOf(file.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllBytesAsync(target + ".part", Fixtures.Bytes(20_000, seed: 7));

        var result = await new ModelDownloader(_http).DownloadAsync(file, target, null, CancellationToken.None);

        Assert.Equal(body, await File.ReadAllBytesAsync(target));
        Assert.True(result.RestartedFromZero);
        Assert.Equal([416, 200], _server.RequestsFor("files/voice.onnx").Select(r => r.Status));
    }

    [Fact]
    public async Task A_missing_file_is_a_not_found_error_naming_the_url()
    {
        var file = Fixtures.File(_server, "absent.onnx", [1, 2, 3]);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => new ModelDownloader(_http).DownloadAsync(file, _store.Layout.PathOf(file.RelativePath), null, CancellationToken.None));

        Assert.Equal(ModelStoreError.NotFound, error.Error);
        Assert.Contains(file.Source.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Files());
    }

    [Fact]
    public async Task A_server_error_status_is_reported_with_its_code()
    {
        _server.Serve("files/voice.onnx", [1], new FixtureBehavior { Status = 503 });
        var file = Fixtures.File(_server, "voice.onnx", [1]);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => new ModelDownloader(_http).DownloadAsync(file, _store.Layout.PathOf(file.RelativePath), null, CancellationToken.None));

        Assert.Equal(ModelStoreError.HttpStatus, error.Error);
        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_network_error()
    {
        // A port that was just free: nothing listens there any more.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var file = new Orator.Models.Catalog.ModelFile("piper/x.onnx", new Uri($"http://127.0.0.1:{port}/x.onnx"), 3, null, null);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => new ModelDownloader(_http).DownloadAsync(file, _store.Layout.PathOf(file.RelativePath), null, CancellationToken.None));

        Assert.Equal(ModelStoreError.Network, error.Error);
        Assert.Contains($"Could not reach http://127.0.0.1:{port}/x.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_accepts_the_connection_but_never_answers_is_a_network_error()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            var file = new Orator.Models.Catalog.ModelFile("piper/x.onnx", new Uri($"http://127.0.0.1:{port}/x.onnx"), 3, null, null);
            var downloader = new ModelDownloader(_http) { StallTimeout = TimeSpan.FromMilliseconds(500) };

            var error = await Assert.ThrowsAsync<ModelStoreException>(() => downloader.DownloadAsync(file, _store.Layout.PathOf(file.RelativePath), null, CancellationToken.None));

            Assert.Equal(ModelStoreError.Network, error.Error);
            Assert.Contains("sent no response within 0.5 s", error.Message, StringComparison.Ordinal);
            Assert.Empty(_store.Files());
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task A_transfer_that_stalls_is_abandoned_as_a_network_error_and_keeps_what_arrived()
    {
        var body = Fixtures.Bytes(100_000, seed: 8);
        _server.Serve("files/voice.onnx", body, new FixtureBehavior { StallAfterBytes = 30_000 });
        var file = Fixtures.File(_server, "voice.onnx", body);
        var target = _store.Layout.PathOf(file.RelativePath);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() =>
            // Long enough that a loaded machine still answers the headers in time: the stall is in the body.
            new ModelDownloader(_http) { StallTimeout = TimeSpan.FromSeconds(2) }.DownloadAsync(file, target, null, CancellationToken.None));

        Assert.Equal(ModelStoreError.Network, error.Error);
        Assert.Contains("no data for 2 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(30_000, new FileInfo(target + ".part").Length);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task A_full_disk_during_the_write_is_a_disk_full_error_that_deletes_the_part()
    {
        var body = Fixtures.Bytes(3_000_000, seed: 9);
        _server.Serve("files/voice.onnx", body);
        var file = Fixtures.File(_server, "voice.onnx", body);
        var target = _store.Layout.PathOf(file.RelativePath);
        var downloader = new ModelDownloader(_http, s => new QuotaStream(s, quota: 1_500_000));

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => downloader.DownloadAsync(file, target, null, CancellationToken.None));

        Assert.Equal(ModelStoreError.DiskFull, error.Error);
        Assert.Contains("disk is full", error.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Empty(_store.Files());
    }

    [Fact]
    public async Task A_download_larger_than_the_free_space_is_refused_before_any_byte_is_written()
    {
        _server.Serve("files/huge.onnx", [1, 2, 3], new FixtureBehavior { AnnounceLength = 1L << 52 });
        var file = Fixtures.File(_server, "huge.onnx", [1, 2, 3]) with { Size = null, Sha256 = null };

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => new ModelDownloader(_http).DownloadAsync(file, _store.Layout.PathOf(file.RelativePath), null, CancellationToken.None));

        Assert.Equal(ModelStoreError.DiskFull, error.Error);
        Assert.Contains("Not enough disk space for huge.onnx", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Files());
    }

    [Fact]
    public async Task A_complete_part_left_before_the_rename_is_verified_and_installed_without_a_request()
    {
        var body = Fixtures.Bytes(40_000, seed: 10);
        var file = Fixtures.File(_server, "voice.onnx", body);
        var target = _store.Layout.PathOf(file.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllBytesAsync(target + ".part", body);

        var result = await new ModelDownloader(_http).DownloadAsync(file, target, null, CancellationToken.None);

        Assert.Equal(body, await File.ReadAllBytesAsync(target));
        Assert.Equal(body.Length, result.ResumedFrom);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Progress_reports_grow_to_the_total_and_end_with_one_completed_report()
    {
        var body = Fixtures.Bytes(2_500_000, seed: 11);
        _server.Serve("files/voice.onnx", body);
        var file = Fixtures.File(_server, "voice.onnx", body);
        var reports = new List<DownloadProgress>();

        await new ModelDownloader(_http).DownloadAsync(file, _store.Layout.PathOf(file.RelativePath), new InlineProgress(reports.Add), CancellationToken.None);

        Assert.True(reports.Count >= 2);
        Assert.All(reports, r => Assert.Equal(body.Length, r.Total));
        Assert.Equal(reports.Select(r => r.Received).Order(), reports.Select(r => r.Received));
        Assert.Single(reports, r => r.Completed);
        Assert.Equal(body.Length, reports[^1].Received);
    }

    private sealed class InlineProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
