namespace Orator.Functional.Tests.Cli;

/// <summary>The TCP sockets a process listens on, read from <c>/proc</c> (Linux).</summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    /// <summary>
    /// How many of <paramref name="pid"/>'s open sockets are listening TCP sockets (IPv4 or IPv6):
    /// the LISTEN rows of its network namespace's tables whose inode is one of its descriptors.
    /// Zero once the process is gone.
    /// </summary>
    public static int Count(int pid)
    {
        try
        {
            var inodes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }

            return new[] { "tcp", "tcp6" }
                .Select(table => $"/proc/{pid}/net/{table}")
                .Where(File.Exists)
                .SelectMany(File.ReadLines)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Count(f => f.Length > 9 && f[3] == ListenState && inodes.Contains(f[9]));
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
