using System.Collections.Frozen;

namespace Orator.Text.Lexicon;

/// <summary>
/// Capitalised words that commonly start a sentence: after an abbreviation that may also end one
/// ("etc.", "p.m.", "Inc."), one of these tips the balance towards a sentence break.
/// </summary>
internal static class SentenceStarters
{
    private static readonly FrozenSet<string> s_words = FrozenSet.ToFrozenSet(
    [
        "The", "A", "An", "This", "That", "These", "Those", "There", "Then", "Their", "They", "He", "She", "It", "Its",
        "I", "We", "You", "My", "Our", "Your", "His", "Her", "But", "And", "So", "Or", "Yet", "However", "Also",
        "After", "Before", "When", "While", "If", "As", "In", "On", "At", "For", "From", "To", "With", "By", "Since",
        "Because", "Although", "Though", "What", "Why", "How", "Who", "Where", "Which", "Yes", "No", "Now", "Later",
        "Meanwhile", "Next", "Finally", "Still", "Please", "Thanks", "Thank", "Some", "Many", "Most", "All", "Each",
        "Every", "Both", "Let", "Here", "Today", "Tomorrow", "Yesterday", "Is", "Are", "Was", "Were", "Will", "Can",
        "Do", "Did", "Does", "Not", "One",
        "Der", "Die", "Das", "Er", "Sie", "Es", "Wir", "Ich", "Dann", "Aber",
        "Le", "La", "Les", "Il", "Elle", "Ils", "Nous", "Je", "Puis", "Mais",
        "El", "Los", "Las", "Ella", "Pero", "Luego",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> commonly starts a sentence.</summary>
    public static bool Contains(ReadOnlySpan<char> word) => s_lookup.Contains(word);
}
