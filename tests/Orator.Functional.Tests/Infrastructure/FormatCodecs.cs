namespace Orator.Functional.Tests.Infrastructure;

/// <summary>Each <c>response_format</c> with the codec ffprobe reports for it, for theories over every format.</summary>
public static class FormatCodecs
{
    /// <summary>The five formats that are files (mp3, opus, aac, flac, wav).</summary>
    public static TheoryData<string, string> Files => new()
    {
        { "mp3", "mp3" },
        { "opus", "opus" },
        { "aac", "aac" },
        { "flac", "flac" },
        { "wav", "pcm_s16le" },
    };

    /// <summary>The files and headerless <c>pcm</c>.</summary>
    public static TheoryData<string, string> All
    {
        get
        {
            var all = Files;
            all.Add("pcm", "pcm_s16le");
            return all;
        }
    }
}
