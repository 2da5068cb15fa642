using System.Text;

namespace Orator.Bench;

/// <summary>Deterministic English prose of a given length, the same for Orator and the baselines.</summary>
public static class BenchText
{
    private static readonly string[] Sentences =
    [
        "The harbour was quiet in the early morning, and the fishing boats rocked gently against the pier.",
        "A young engineer walked along the sea wall, thinking about the machine she had promised to finish by spring.",
        "Every part of it had been drawn by hand, measured twice, and cut from plates of bright steel.",
        "Her grandfather had built clocks in the same town, and she still kept his small brass tools in a wooden box.",
        "When the wind turned cold she went inside, lit the stove, and opened her notebook to a clean page.",
        "There were questions she could not answer yet, but the shape of the answer was already becoming clear.",
        "By noon the workshop smelled of oil and coffee, and the radio played an old song about travelling north.",
        "She wrote down three numbers, crossed out two of them, and smiled at the one that remained.",
    ];

    /// <summary>One sentence of 98 characters: the "short" input.</summary>
    public static string ShortSentence => Sentences[0];

    /// <summary>A book of about <paramref name="characters"/>: paragraphs of five sentences, separated by blank lines.</summary>
    public static string Book(int characters)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < characters; i++)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.AppendJoin(' ', Enumerable.Range(0, 5).Select(j => Sentences[(i + j) % Sentences.Length]));
        }

        return text.ToString();
    }

    public static string Create(int characters)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < characters; i++)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(Sentences[i % Sentences.Length]);
        }

        // End on a whole word.
        var cut = text.ToString(0, Math.Min(characters, text.Length));
        var lastSpace = cut.LastIndexOf(' ');
        return (lastSpace > characters - 40 ? cut[..lastSpace] : cut).TrimEnd() + ".";
    }
}
