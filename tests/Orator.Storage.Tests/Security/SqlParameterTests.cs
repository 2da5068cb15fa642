using System.Text.RegularExpressions;

namespace Orator.Storage.Tests.Security;

public sealed partial class SqlParameterTests
{
    // Interpolation holes that may appear in SQL: fixed column lists, fixed GROUP BY expressions
    // picked by an enum, and the schema's per-database column types. Never a value.
    private static readonly HashSet<string> AllowedHoles = ["Columns", "group", "db?.BlobType", "db?.RealType", "db?.AutoIdType"];

    private static readonly string[] SqlWords = ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", " WHERE ", "DROP "];

    [Fact]
    public void Storage_sql_interpolates_only_fixed_fragments_and_passes_values_as_parameters()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "Orator.Storage"), "*.cs", SearchOption.AllDirectories);
        var sqlStrings = 0;
        var problems = new List<string>();
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match literal in Interpolated().Matches(text))
            {
                var body = literal.Groups["raw"].Success ? literal.Groups["raw"].Value : literal.Groups["line"].Value;
                if (!SqlWords.Any(w => body.Contains(w, StringComparison.Ordinal)))
                {
                    continue;
                }

                sqlStrings++;
                foreach (Match hole in Hole().Matches(body))
                {
                    if (!AllowedHoles.Contains(hole.Groups[1].Value.Trim()))
                    {
                        problems.Add($"{Path.GetFileName(file)}: {{{hole.Groups[1].Value}}} in SQL");
                    }
                }
            }

            if (text.Contains("CommandText", StringComparison.Ordinal) && !file.EndsWith("SqlDatabase.cs", StringComparison.Ordinal))
            {
                problems.Add($"{Path.GetFileName(file)} sets CommandText itself instead of going through SqlDatabase.Command");
            }

            if (StringFormatSql().IsMatch(text))
            {
                problems.Add($"{Path.GetFileName(file)} builds SQL with string.Format or concatenation");
            }
        }

        Assert.True(sqlStrings >= 3, $"the scan found only {sqlStrings} interpolated SQL strings; it is not looking at the right files");
        Assert.Empty(problems);
    }

    [Fact]
    public void The_scan_flags_a_value_interpolated_into_sql()
    {
        const string bad = "var sql = $\"SELECT * FROM api_keys WHERE name = '{name}'\";";

        var literal = Interpolated().Match(bad);

        Assert.True(literal.Success);
        Assert.Contains(Hole().Matches(literal.Groups["line"].Value), h => !AllowedHoles.Contains(h.Groups[1].Value));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Orator.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Orator.slnx not found above the test output.");
    }

    [GeneratedRegex("""\$+(?:"{3,}(?<raw>.*?)"{3,}|@?"(?<line>(?:[^"\\\n]|\\.)*)")""", RegexOptions.Singleline)]
    private static partial Regex Interpolated();

    [GeneratedRegex(@"(?<!\{)\{([^{}]+)\}(?!\})")]
    private static partial Regex Hole();

    [GeneratedRegex("""(string\.Format\([^)]*(SELECT|INSERT|UPDATE|DELETE)|"(SELECT|INSERT|UPDATE|DELETE)[^"]*"\s*\+)""")]
    private static partial Regex StringFormatSql();
}
