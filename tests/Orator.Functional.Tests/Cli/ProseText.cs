using System.Text;

namespace Orator.Functional.Tests.Cli;

/// <summary>Deterministic English prose in paragraphs, for the long-form tests.</summary>
public static class ProseText
{
    private static readonly string[] Sentences =
    [
        "The harbour was quiet in the early morning, and the fishing boats rocked gently against the pier.",
        "A young engineer walked along the sea wall, thinking about the machine she had promised to finish by spring.",
        "Every part of it had been drawn by hand, measured twice, and cut from plates of bright steel.",
        "Her grandfather had built clocks in the same town, and she still kept his small brass tools in a wooden box.",
        "When the wind turned cold she went inside, lit the stove, and opened her notebook to a clean page.",
        "On 2 May at 10:30, Dr. Smith paid $5.25 for 3 items at the shop by the station.",
    ];

    /// <summary>Paragraphs of five sentences, separated by blank lines, until <paramref name="characters"/>.</summary>
    public static string Paragraphs(int characters, int seed = 0)
    {
        var text = new StringBuilder();
        for (var i = seed; text.Length < characters; i++)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.AppendJoin(' ', Enumerable.Range(0, 5).Select(j => Sentences[(i + j) % Sentences.Length]));
        }

        return text.ToString();
    }

    /// <summary>One paragraph with no line break at all, of about <paramref name="characters"/>.</summary>
    public static string OneLine(int characters) => Paragraphs(characters).Replace("\n\n", " ", StringComparison.Ordinal);
}
