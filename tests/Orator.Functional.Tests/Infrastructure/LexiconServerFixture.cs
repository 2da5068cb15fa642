namespace Orator.Functional.Tests.Infrastructure;

/// <summary>An open server with a pronunciation lexicon file (Orator:LexiconPath) written for the test run.</summary>
public sealed class LexiconServerFixture : ServerFixture, IDisposable
{
    /// <summary>The lexicon the server reads: a made-up word spoken as a long phrase, so its effect is audible.</summary>
    public const string Lexicon = "# test lexicon\nzorblat = the quick brown fox jumped over the lazy dog again and again\nnginx = engine x\n";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"orator-lexicon-{Guid.NewGuid():N}.txt");

    public LexiconServerFixture()
    {
        File.WriteAllText(_path, Lexicon);
    }

    protected override IEnumerable<string> Arguments => ["--Orator:Workers=1", $"--Orator:LexiconPath={_path}"];

    public void Dispose() => File.Delete(_path);
}

[CollectionDefinition(Name)]
public sealed class LexiconServerCollection : ICollectionFixture<LexiconServerFixture>
{
    public const string Name = "lexicon server";
}
