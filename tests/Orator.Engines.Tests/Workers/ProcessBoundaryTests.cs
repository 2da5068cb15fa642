using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace Orator.Engines.Tests.Workers;

/// <summary>
/// Process boundary = assembly boundary: the engine worker carries Flite, espeak-ng and the worker
/// protocol (Orator.Engines.Native) and nothing of the server. These tests read the build output in
/// this test's folder, where the worker's dll, deps.json and runtimeconfig.json are copied because
/// Orator.Worker is a project reference.
/// </summary>
public sealed class ProcessBoundaryTests
{
    private const string Worker = "Orator.Worker";

    [Fact]
    public void The_worker_runs_on_the_base_runtime_without_the_aspnetcore_framework()
    {
        Assert.Equal(["Microsoft.NETCore.App"], Frameworks(Worker + ".runtimeconfig.json"));
    }

    [Fact]
    public void The_worker_deps_name_no_aspnetcore_onnx_runtime_model_store_text_or_server_engines()
    {
        var libraries = DepsLibraries(Worker + ".deps.json");

        Assert.Contains("Orator.Engines.Native", libraries);
        Assert.DoesNotContain(libraries, IsServerOnly);
    }

    [Fact]
    public void No_assembly_reachable_from_the_worker_is_aspnetcore_onnx_runtime_the_model_store_or_text()
    {
        var reachable = ReachableAssemblies(Worker);

        Assert.Contains("Orator.Engines.Native", reachable);
        Assert.DoesNotContain(reachable, IsServerOnly);
    }

    [Theory]
    [InlineData("Orator.Engines")]
    [InlineData("Orator.Engines.Native")]
    public void An_engine_library_references_no_aspnetcore_assembly(string library)
    {
        var references = ReferencedAssemblies(Path.Combine(AppContext.BaseDirectory, library + ".dll"));

        Assert.Contains("Orator.Core", references);
        Assert.DoesNotContain(references, IsAspNetCore);
    }

    [Fact]
    public void The_engine_libraries_pull_in_no_aspnetcore_framework()
    {
        // A FrameworkReference on any project this one references (Orator.Engines, Orator.Engines.Native,
        // Orator.Audio, Orator.Worker and theirs) would be written into this runtimeconfig, even when
        // no type of it is used and the compiled assemblies show no reference.
        Assert.DoesNotContain("Microsoft.AspNetCore.App", Frameworks("Orator.Engines.Tests.runtimeconfig.json"));
    }

    private static bool IsAspNetCore(string name) =>
        name.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase);

    /// <summary>What belongs to the server process only.</summary>
    private static bool IsServerOnly(string name) =>
        IsAspNetCore(name)
        || name.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.OrdinalIgnoreCase)
        || name is "Orator.Models" or "Orator.Text" or "Orator.Engines";

    private static string[] Frameworks(string runtimeConfig)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, runtimeConfig)));
        var options = json.RootElement.GetProperty("runtimeOptions");

        // One framework is written as "framework", several as "frameworks".
        IEnumerable<JsonElement> frameworks = options.TryGetProperty("frameworks", out var many)
            ? many.EnumerateArray()
            : [options.GetProperty("framework")];
        return [.. frameworks.Select(f => f.GetProperty("name").GetString()!)];
    }

    /// <summary>Every package and project the deps file lists (keys are <c>name/version</c>).</summary>
    private static string[] DepsLibraries(string depsFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, depsFile)));
        return [.. json.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0])];
    }

    /// <summary>
    /// Assembly names reachable from <paramref name="root"/> through compiled references. Assemblies
    /// not in this folder belong to the shared framework and are not followed.
    /// </summary>
    private static HashSet<string> ReachableAssemblies(string root)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root };
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var name))
        {
            var file = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (!File.Exists(file))
            {
                continue;
            }

            foreach (var reference in ReferencedAssemblies(file).Where(seen.Add))
            {
                pending.Push(reference);
            }
        }

        return seen;
    }

    private static string[] ReferencedAssemblies(string assemblyFile)
    {
        using var stream = File.OpenRead(assemblyFile);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return [.. metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))];
    }
}
