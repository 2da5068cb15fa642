namespace Orator.Models.Download;

/// <summary>
/// A stream decorator that exposes the stream it wraps, so the downloader can still fsync the
/// file underneath a decorator passed to <see cref="ModelDownloader"/>.
/// </summary>
public interface IStreamDecorator
{
    /// <summary>The wrapped stream.</summary>
    Stream Inner { get; }
}
