using Orator.Cli.Commands.Say.LongForm;

namespace Orator.Cli.Tests.LongForm;

public sealed class HeadingLineTests
{
    [Theory]
    [InlineData("# The Beginning", 1, "The Beginning")]
    [InlineData("## Chapter 2: Rain ##", 2, "Chapter 2: Rain")]
    [InlineData("   ###### Deep\t", 6, "Deep")]
    [InlineData("#\tTabbed", 1, "Tabbed")]
    public void Markdown_headings_give_their_level_and_title(string line, int level, string title) =>
        Assert.Equal((level, title), HeadingLine.Markdown(line));

    [Theory]
    [InlineData("#hashtag")]
    [InlineData("####### seven")]
    [InlineData("    # indented code")]
    [InlineData("# ")]
    [InlineData("Not # a heading")]
    public void Other_lines_with_hashes_are_no_headings(string line) => Assert.Null(HeadingLine.Markdown(line));

    [Theory]
    [InlineData("Chapter 1")]
    [InlineData("CHAPTER ONE")]
    [InlineData("Chapter IV: The Storm")]
    [InlineData("chapter xii.")]
    [InlineData("Chapter twenty-one")]
    [InlineData("Chapter One Hundred and Two")]
    [InlineData("  Chapter 3 - In Which Nothing Happens  ")]
    [InlineData("CHAPTER XLII")]
    public void Chapter_lines_are_recognised(string line) => Assert.True(HeadingLine.IsChapterLine(line));

    [Theory]
    [InlineData("Chapter and verse")]
    [InlineData("Chapters 1 to 3")]
    [InlineData("The chapter 1")]
    [InlineData("Chapter did")]
    [InlineData("Chapter")]
    [InlineData("Chapter 5 of the act says that the law, once passed, applies to every county in the state from the day it is signed.")]
    public void Other_lines_are_no_chapter_lines(string line) => Assert.False(HeadingLine.IsChapterLine(line));
}
