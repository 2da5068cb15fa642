namespace Orator.Functional.Tests.Infrastructure;

/// <summary>An open server that ignores unknown speech fields (<c>Orator:UnknownFields=ignore</c>), naming them.</summary>
public sealed class LenientServerFixture : ServerFixture
{
    protected override IEnumerable<string> Arguments => ["--Orator:Workers=1", "--Orator:UnknownFields=ignore"];
}

[CollectionDefinition(Name)]
public sealed class LenientServerCollection : ICollectionFixture<LenientServerFixture>
{
    public const string Name = "lenient server";
}
