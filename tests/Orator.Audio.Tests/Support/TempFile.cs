namespace Orator.Audio.Tests.Support;

/// <summary>A uniquely named file in the temp directory, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    /// <summary>Reserves a path for a tool to write to; nothing is created.</summary>
    /// <param name="extension">The extension, with its dot (".ogg").</param>
    public TempFile(string extension)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"orator-{Guid.NewGuid():N}{extension}");
    }

    /// <summary>Writes <paramref name="contents"/> to a new file.</summary>
    /// <param name="contents">The bytes.</param>
    /// <param name="extension">The extension, with its dot (".aac").</param>
    public TempFile(byte[] contents, string extension)
        : this(extension)
    {
        File.WriteAllBytes(Path, contents);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
