namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>A file in the temp directory holding given bytes, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(byte[] contents, string extension)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"orator-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(Path, contents);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
