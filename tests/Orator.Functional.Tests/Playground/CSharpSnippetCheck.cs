using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Orator.Functional.Tests.Playground;

/// <summary>
/// Compiles a C# snippet with Roslyn, against the OpenAI .NET SDK this test project uses, as a
/// <c>dotnet new console</c> program (top-level statements, implicit usings).
/// </summary>
internal static class CSharpSnippetCheck
{
    private const string ImplicitUsings =
        "global using System; global using System.IO; global using System.Collections.Generic; global using System.Linq; "
        + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(OpenAI.Audio.AudioClient).Assembly.Location)
            .Append(typeof(System.ClientModel.ApiKeyCredential).Assembly.Location)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName)
            .Select(p => MetadataReference.CreateFromFile(p)),
    ]);

    /// <summary>The compiler's errors and warnings for <paramref name="snippet"/>; empty when it builds cleanly.</summary>
    public static IReadOnlyList<string> Diagnostics(string snippet)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, parse), CSharpSyntaxTree.ParseText(snippet, parse)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        return [.. result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS8019").Select(d => d.ToString())];
    }

    /// <summary>The value of the string literal passed first to <c>GenerateSpeechAsync</c>, as the compiler reads it.</summary>
    public static string SpokenText(string snippet)
    {
        var call = CSharpSyntaxTree.ParseText(snippet).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Single(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GenerateSpeechAsync" });
        var literal = Assert.IsType<LiteralExpressionSyntax>(call.ArgumentList.Arguments[0].Expression);
        return literal.Token.ValueText;
    }
}
