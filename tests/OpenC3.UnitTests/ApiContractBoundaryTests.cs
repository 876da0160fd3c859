using System.Text.RegularExpressions;
using OpenC3.TestSupport;

namespace OpenC3.UnitTests;

/// <summary>
/// The routes know the grains' contracts, not their implementation: every file under Api/ may use
/// `OpenC3.Grains.Abstractions` and the Orleans client, never `OpenC3.Grains.*` internals or the silo.
/// The hosting file is the one place that starts the embedded silo.
/// </summary>
public sealed partial class ApiContractBoundaryTests
{
    /// <summary>Wires the Orleans host (embedded silo or client) and the product's meters into the API process.</summary>
    private const string HostingFile = "OpenC3Api.cs";

    [Fact]
    public void ApiFiles_UseOnlyGrainContracts_NotGrainInternalsOrTheSilo()
    {
        var api = Path.Combine(RepoPaths.Root, "Api");
        var files = Directory.EnumerateFiles(api, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(api, f) && Path.GetRelativePath(api, f) != HostingFile)
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} files found under {api}");

        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(api, f), Line: i + 1, Text: line)))
            .Where(l => GrainInternals().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Api/ uses grain internals or the silo:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("using OpenC3.Grains.Tasks;", true)]
    [InlineData("using FileServerOptions = OpenC3.Grains.Files.FileServerOptions;", true)]
    [InlineData("        var x = OpenC3.Grains.Catalog.TokenSecret.New();", true)]
    [InlineData("using OpenC3.Silo;", true)]
    [InlineData("using OpenC3.Grains.Abstractions.Tasks;", false)]
    [InlineData("using FileServerOptions = OpenC3.Grains.Abstractions.Files.FileServerOptions;", false)]
    public void TheCheck_TellsInternalsFromContracts(string line, bool offends) =>
        Assert.Equal(offends, GrainInternals().IsMatch(line));

    private static bool IsBuildOutput(string api, string file) =>
        Path.GetRelativePath(api, file).Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";

    [GeneratedRegex(@"\bOpenC3\.(Grains\.(?!Abstractions\b)\w|Silo\b)")]
    private static partial Regex GrainInternals();
}
