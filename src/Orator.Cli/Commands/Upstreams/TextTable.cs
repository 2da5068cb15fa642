using System.Text;

namespace Orator.Cli.Commands.Upstreams;

/// <summary>Rows printed in columns as wide as their widest cell: the upstream listings, whose addresses and model lists vary too much for fixed widths.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row of one cell per header.</summary>
    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row has {headers.Length} cells (got {cells.Length}).", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the header line and the rows, two spaces between columns, no trailing spaces.</summary>
    public void WriteTo(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in _rows.Prepend(headers))
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
