using System.Diagnostics;
using OpenC3.TestSupport;

namespace OpenC3.UnitTests;

/// <summary>
/// The console's own unit tests (Console/test: host ranges, log text, URL parsing) run by Node's test runner through
/// `npm test`; here as one test, so the suite's pass and fail count holds them. The build's `npm ci` installed esbuild.
/// </summary>
public sealed class ConsoleScriptTests
{
    [Fact]
    public async Task TheConsolesTypeScriptUnitTests_Pass()
    {
        var start = new ProcessStartInfo("npm", "test")
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "Console"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start)!;
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await npm.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(npm.ExitCode == 0, $"npm test ended with {npm.ExitCode}:\n{await output}\n{await errors}");
    }
}
