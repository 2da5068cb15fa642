using Orator.Cli.Commands.Say;

namespace Orator.Cli.Tests.Say;

public sealed class M3uPlaylistTests
{
    [Fact]
    public void An_extended_playlist_lists_each_file_with_its_rounded_seconds_and_title()
    {
        var text = M3uPlaylist.Text(
        [
            new WrittenPart("/books/out/book-01.mp3", 100, 61.5, "Chapter 1: Harbour, at dawn", true),
            new WrittenPart("/books/out/book-02.mp3", 100, 0.4, "Two\nlines", true),
        ]);

        Assert.Equal("#EXTM3U\n#EXTINF:62,Chapter 1: Harbour, at dawn\nbook-01.mp3\n#EXTINF:0,Two lines\nbook-02.mp3\n", text);
    }
}
