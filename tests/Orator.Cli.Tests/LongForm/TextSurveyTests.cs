using Orator.Cli.Commands.Say.LongForm;

namespace Orator.Cli.Tests.LongForm;

public sealed class TextSurveyTests
{
    [Fact]
    public async Task It_counts_characters_and_finds_text()
    {
        var survey = await SurveyAsync("Hello.\r\n\r\nWorld.\n");

        Assert.Equal(17, survey.Characters);
        Assert.True(survey.HasText);
        Assert.Equal(new ChapterRule(0, 0), survey.Chapters);
        Assert.False((await SurveyAsync(" \n\t\n")).HasText);
    }

    [Fact]
    public async Task The_chapter_level_is_the_shallowest_used_twice()
    {
        var survey = await SurveyAsync("# Book\n\n## One\n\ntext\n\n### Aside\n\ntext\n\n## Two\n\ntext\n\n### Aside\n");

        Assert.Equal(2, survey.Chapters.MarkdownLevel);
        Assert.Equal(3, survey.Chapters.MaxStarts);
    }

    [Fact]
    public async Task With_every_level_used_once_the_shallowest_counts_and_chapter_lines_always_do()
    {
        var survey = await SurveyAsync("## Only\n\ntext\n\n### Sub\n\nChapter 2\n\ntext\n");

        Assert.Equal(2, survey.Chapters.MarkdownLevel);
        Assert.Equal(2, survey.Chapters.MaxStarts);
    }

    private static Task<TextSurvey> SurveyAsync(string text) => TextSurvey.RunAsync(new StringReader(text), 100, CancellationToken.None);
}
