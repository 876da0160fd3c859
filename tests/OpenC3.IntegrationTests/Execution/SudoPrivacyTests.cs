using System.Diagnostics;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// Issue 11 item 5: a step run as another user through sudo keeps its script and values private to
/// that user while it runs — the script file is unreadable to the SSH login (or anyone else), no `wk_*`
/// value stands on any command line, and an argv value only on the script's own (its arguments).
/// </summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class SudoPrivacyTests(ExecutionProduct product)
{
    [Fact]
    public async Task ScriptUnderSudo_IsPrivateToTheStepsUser_AndItsValuesAreOnNoCommandLine()
    {
        using var app = product.App();
        var id = Guid.NewGuid().ToString("N")[..10];
        var (secret, argument) = ($"wk-secret-{id}", $"argv-secret-{id}");
        var (path, go, output) = ($"/tmp/openc3-priv-{id}.path", $"/tmp/openc3-priv-{id}.go", $"/tmp/openc3-priv-{id}.out");
        var host = TestServers.SshHosts[39];
        var node = await NewNodeAsync(product);
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = host })).Stat());
        // The script tells where it lives, waits for the test to look, then reports what it received.
        var script = $"echo \"$0\" > {path}; i=0; while [ ! -e {go} ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; " +
                     $"echo \"$(id -un) $wk_token $1\" > {output}";
        var step = Cmd("private", [host], script, "$word");
        step["user"] = TestServers.SudoUser;
        await CreateJobAsync(app, node, $"sudo-{id}", step);
        var uuid = await StartByNameAsync(app, node, $"sudo-{id}", variable: new Dictionary<string, string> { ["wk_token"] = secret, ["word"] = argument });

        var scriptFile = await Eventually.WaitAsync(() => Task.FromResult(File.Exists(path) ? File.ReadAllText(path).Trim() : string.Empty), p => p.Length > 0, TimeSpan.FromSeconds(60), "the script to start");
        try
        {
            var directory = Path.GetDirectoryName(scriptFile)!;
            Assert.StartsWith("/tmp/openc3.", directory, StringComparison.Ordinal);
            Assert.Equal($"700 {TestServers.SudoUser}", (await RunAsync("stat", "-c", "%a %U", directory)).Output.Trim());
            var asLogin = await RunAsync("runuser", "-u", TestServers.SshUser, "--", "cat", scriptFile);
            Assert.NotEqual(0, asLogin.ExitCode);
            Assert.Contains("Permission denied", asLogin.Output, StringComparison.Ordinal);

            var commandLines = (await RunAsync("ps", "-eo", "args")).Output;
            Assert.Contains(Path.GetFileName(directory), commandLines, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, commandLines, StringComparison.Ordinal);
            // An argument is the script's own argv, so only the interpreter's line may show it; never ssh's, sudo's or the wrapper's.
            Assert.All(commandLines.Split('\n').Where(l => l.Contains(argument, StringComparison.Ordinal)), l => Assert.Contains(scriptFile + " " + argument, l, StringComparison.Ordinal));
        }
        finally
        {
            await File.WriteAllTextAsync(go, string.Empty);
        }

        Assert.Equal("success", (await WaitFinishedAsync(app, node, uuid)).Status());
        Assert.Equal($"{TestServers.SudoUser} {secret} {argument}", (await RunAsync("cat", output)).Output.Trim());
        Assert.False(Directory.Exists(Path.GetDirectoryName(scriptFile)), "the private directory is removed after the run");
        foreach (var file in new[] { path, go, output })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task KillingATaskUnderSudo_StopsTheScript_AndRemovesItsDirectory()
    {
        using var app = product.App();
        var id = Guid.NewGuid().ToString("N")[..10];
        var path = $"/tmp/openc3-priv-{id}.path";
        var unique = Random.Shared.Next(100_000, 999_999);
        var host = TestServers.SshHosts[39];
        var node = await NewNodeAsync(product);
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = host })).Stat());
        var step = Cmd("long", [host], $"echo \"$0\" > {path}; sleep 300.{unique}");
        step["user"] = TestServers.SudoUser;
        await CreateJobAsync(app, node, $"kill-{id}", step);
        var uuid = await StartByNameAsync(app, node, $"kill-{id}");
        var scriptFile = await Eventually.WaitAsync(() => Task.FromResult(File.Exists(path) ? File.ReadAllText(path).Trim() : string.Empty), p => p.Length > 0, TimeSpan.FromSeconds(60), "the script to start");

        var kill = await ApiClient.ReadAsync(await app.Http.DeleteAsync($"{J}/slave/anyslave/killtask/{uuid}"));
        Assert.Equal("kill task succcess", kill.Info());
        await Eventually.WaitAsync(async () => (await RunAsync("pgrep", "-f", $"^sleep 300[.]{unique}$")).ExitCode, code => code == 1, TimeSpan.FromSeconds(20), "the script's sleep to be killed");
        await Eventually.WaitAsync(() => Task.FromResult(Directory.Exists(Path.GetDirectoryName(scriptFile))), exists => !exists, TimeSpan.FromSeconds(20), "the private directory to be removed");
        File.Delete(path);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
