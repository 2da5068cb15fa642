namespace Orator.Models.Tests.Support;

/// <summary>A request the loopback server saw.</summary>
public sealed record FixtureRequest(string Path, string? Range, int Status);
