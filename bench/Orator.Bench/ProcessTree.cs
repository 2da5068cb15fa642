using System.Globalization;

namespace Orator.Bench;

/// <summary>A process's children and consumed CPU time, read from <c>/proc</c> (Linux).</summary>
internal static class ProcessTree
{
    /// <summary>Milliseconds per clock tick of <c>/proc/PID/stat</c> (USER_HZ, 100 on every architecture Linux ships).</summary>
    private const double MillisecondsPerTick = 10;

    /// <summary>The direct children of <paramref name="processId"/> (the engine workers), whichever of its threads started them.</summary>
    public static List<int> Children(int processId)
    {
        var children = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
            {
                children.AddRange(File.ReadAllText(Path.Combine(task, "children"))
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => int.Parse(p, CultureInfo.InvariantCulture)));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process or one of its threads ended while listing.
        }

        return children;
    }

    /// <summary>User + system CPU milliseconds of <paramref name="processId"/> so far; 0 when it has gone.</summary>
    public static double CpuMs(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MillisecondsPerTick;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
