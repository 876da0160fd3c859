using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// The attack of issue 11 item 2: a caller (or an uploaded file's name) hands a variable value full of
/// shell syntax to a job whose argv uses it unquoted, in double quotes, in single quotes and inside a
/// word. Nothing of it may run on the host, and the script must receive the value literally.
/// </summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class VariableInjectionTests(ExecutionProduct product)
{
    /// <summary>Every argv form at once; the script writes each argument it received on its own line.</summary>
    private const string Argv = "$version \"$version\" 'v$version' a${version}b \"x ${version} y\" \\$version";

    private static readonly string Host = TestServers.SshHosts[39];

    [Fact]
    public async Task HostileVariable_InEveryArgvQuoting_ReachesTheScriptLiterally_AndRunsNothing()
    {
        using var app = product.App();
        var id = Guid.NewGuid().ToString("N")[..10];
        var canary = $"/tmp/openc3-canary-{id}";
        var value = $"$(touch {canary})`touch {canary}`;touch {canary}|touch {canary}'\"&& touch {canary} #\\ $HOME";
        var (node, output) = await NodeWithJobAsync(app, id);

        await StartByNameAsync(app, node, $"echo-{id}", variable: new { version = value });

        Assert.Equal(Expected(value), (await ReceivedAsync(app, node, output))[..^1]);
        Assert.False(File.Exists(canary), "a value became shell on the host");
    }

    [Fact]
    public async Task HostileUploadName_StartsTheJob_WithTheNameAsData()
    {
        using var app = product.App();
        var id = Guid.NewGuid().ToString("N")[..10];
        var canary = $"openc3-canary-{id}";
        // Everything a stored file name may hold that a shell would act on (`'` is refused by the file server).
        var name = $"v1$(touch {canary});`touch {canary}`|touch {canary}&touch {canary} ${{HOME}}.tgz";
        var (node, output) = await NodeWithJobAsync(app, id);
        var token = (await app.PostAsync($"{J}/token/{node}", new { describe = "job token", isjob = 1, jobname = $"echo-{id}" })).Text("token");

        using var uploader = product.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{J}/fileserver/{node}/upload") { Content = Multipart(name, "release") };
        request.Headers.Add("token", token);
        Assert.Equal(1, (await ApiClient.ReadAsync(await uploader.Http.SendAsync(request))).Data().GetInt32());
        var stored = (await app.GetAsync($"{J}/fileserver/{node}")).Rows().Single().Text("name");
        Assert.Contains("$(touch", stored, StringComparison.Ordinal);

        var lines = await ReceivedAsync(app, node, output);
        Assert.Equal(Expected(stored), lines[..^1]);
        var cwd = lines[^1];
        Assert.False(File.Exists(Path.Combine(cwd, canary)), "a file name became shell on the host");
        Assert.False(File.Exists(Path.Combine("/tmp", canary)), "a file name became shell on the host");
    }

    /// <summary>What the script must print for <see cref="Argv"/> given <paramref name="value"/>: each word with the value in it, verbatim.</summary>
    private static List<string> Expected(string value) =>
        ["argc=6", $"[{value}]", $"[{value}]", $"[v{value}]", $"[a{value}b]", $"[x {value} y]", $"[{value}]"];

    private async Task<(long Node, string Output)> NodeWithJobAsync(ApiClient app, string id)
    {
        var node = await NewNodeAsync(product);
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = Host })).Stat());
        var output = $"/tmp/openc3-argv-{id}.out";
        var script = $"{{ echo \"argc=$#\"; printf '[%s]\\n' \"$@\"; pwd; }} > {output}";
        await CreateJobAsync(app, node, $"echo-{id}", Cmd("echo", [Host], script, Argv));
        return (node, output);
    }

    /// <summary>The lines the script wrote, the last one being its working directory, once the node's only task succeeded.</summary>
    private static async Task<List<string>> ReceivedAsync(ApiClient app, long node, string output)
    {
        var task = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"{J}/task/{node}")).Rows(),
            rows => rows.Count == 1 && rows[0].Status() is "success" or "fail" or "refuse",
            TimeSpan.FromMinutes(2),
            "the job's task to finish");
        Assert.True(task[0].Status() == "success", task[0].ToString());
        var lines = File.ReadAllLines(output).ToList();
        File.Delete(output);
        return lines;
    }
}
