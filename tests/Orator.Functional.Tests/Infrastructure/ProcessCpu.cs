using System.Globalization;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>Reads a process's consumed CPU time from /proc (Linux).</summary>
public static class ProcessCpu
{
    /// <summary>User + system CPU time in clock ticks, or -1 when the process is gone.</summary>
    public static long Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>Total ticks of all the given processes.</summary>
    public static long Ticks(IEnumerable<int> pids) => pids.Sum(p => Math.Max(0, Ticks(p)));
}
