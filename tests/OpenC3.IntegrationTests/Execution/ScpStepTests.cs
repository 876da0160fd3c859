using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// scp steps on the sshd farm, over the API: from the file server and from hosts, upstream's path rules,
/// chmod/chown, mirroring, per-host failures and retries. The farm's hosts share this machine's file
/// system, so every test copies into its own folder and checks the result on disk.
/// </summary>
public abstract class ScpStepTests(EmbeddedProduct product)
{
    [Fact]
    public async Task Job_CmdThenScpFromTheFileServerThenCmd_SucceedsOnTwentyHosts()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Take(20).ToList();
        var tag = Guid.NewGuid().ToString("N");
        var file = $"payload-{tag}.txt";
        var dir = Scratch($"job-{tag}");
        Assert.True((await ApiClient.ReadAsync(await app.Http.PostAsync($"{J}/fileserver/0", Multipart(file, $"payload {tag}")))).Stat());

        await CreateJobAsync(
            app,
            0,
            $"deliver-{tag}",
            Cmd("prepare", hosts, "echo ready"),
            Scp("deliver", "fileserver", string.Empty, file, hosts, dir + "/", chmod: "640"),
            Cmd("check", hosts, $"f={dir}/{file}; echo \"$(cat $f) mode=$(stat -c %a $f)\""));
        var task = await StartByNameAsync(app, 0, $"deliver-{tag}");

        Assert.Equal("success", (await WaitFinishedAsync(app, 0, task)).Status());
        var steps = await StepsAsync(app, 0, task);
        Assert.Equal(["cmd", "scp", "cmd"], steps.Select(s => s.GetProperty("subtask_type").GetString()));
        Assert.All(steps, s => Assert.Equal(("success", "20"), (s.Status(), s.GetProperty("nodecount").GetString())));
        Assert.Equal(file, steps[1].GetProperty("extended").GetProperty("sp").GetString());

        var copyLog = await LiveLog.ReadAsync(product.BaseUrl, task + steps[1].GetProperty("uuid").GetString() + "scp", "substatus = success");
        Assert.Contains($"copied fileserver:{file} to {dir}/{file}", copyLog, StringComparison.Ordinal);
        Assert.Contains("127.0.0.{2~21}[20]:", copyLog, StringComparison.Ordinal);
        var checkLog = await LiveLog.ReadAsync(product.BaseUrl, task + steps[2].GetProperty("uuid").GetString() + "cmd", "substatus = success");
        Assert.All(hosts, h => Assert.Contains($"{h}: payload {tag} mode=640\n", checkLog, StringComparison.Ordinal));
        Assert.Equal($"payload {tag}", await File.ReadAllTextAsync($"{dir}/{file}"));
        Assert.Equal("640", Run("stat", "-c", "%a", $"{dir}/{file}"));
        Assert.Empty(Directory.GetFiles(dir, ".openc3-scp.*"));
    }

    [Fact]
    public async Task PluginScp_FromAHost_FollowsThePathRules_ChownsAndMirrors()
    {
        using var app = product.App();
        var (source, target) = (TestServers.SshHosts[21], TestServers.SshHosts[22]);
        var tag = Guid.NewGuid().ToString("N");
        var src = Scratch($"src-{tag}");
        Directory.CreateDirectory($"{src}/sub");
        await File.WriteAllTextAsync($"{src}/a.txt", "alpha");
        await File.WriteAllTextAsync($"{src}/sub/b.txt", "beta");

        // `sp` ending in `/` is a directory: its content goes into dp, which becomes a directory (made by the login, so it can chown it).
        var dst = Scratch($"dst-{tag}") + "/tree";
        var first = await StartScpAsync(app, 0, Plugin("tree", source, $"{src}/", target, dst, chown: TestServers.SshUser));
        Assert.EndsWith("scp", first.GetProperty("loguuid").GetString(), StringComparison.Ordinal);
        var task = await WaitFinishedAsync(app, 0, first.GetProperty("uuid").GetString()!);
        Assert.Equal(("success", "plugin_scp"), (task.Status(), task.GetProperty("jobtype").GetString()));
        Assert.Equal("beta", await File.ReadAllTextAsync($"{dst}/sub/b.txt"));
        Assert.Equal(Run("id", "-u", TestServers.SshUser), Run("stat", "-c", "%u", $"{dst}/sub/b.txt"));

        // Mirroring: what the source no longer has goes at the destination.
        File.Delete($"{src}/a.txt");
        await File.WriteAllTextAsync($"{src}/c.txt", "gamma");
        var mirrored = Plugin("mirror", source, $"{src}/", target, dst);
        mirrored["scp_delete"] = 1;
        var second = await StartScpAsync(app, 0, mirrored);
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, second.GetProperty("uuid").GetString()!)).Status());
        Assert.Equal(["c.txt", "sub/b.txt"], Listing(dst));
        Assert.Contains("delete: ./a.txt", await LiveLog.ReadAsync(product.BaseUrl, second.GetProperty("loguuid").GetString()!, "substatus"), StringComparison.Ordinal);

        // A file to a dp ending in `/` keeps its name there; a directory named without `/` is copied as a whole.
        var files = Scratch($"files-{tag}");
        var third = await StartScpAsync(app, 0, Plugin("file", source, $"{src}/c.txt", target, files + "/"));
        var fourth = await StartScpAsync(app, 0, Plugin("whole", source, src, target, files + "/"));
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, third.GetProperty("uuid").GetString()!)).Status());
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, fourth.GetProperty("uuid").GetString()!)).Status());
        Assert.Equal("gamma", await File.ReadAllTextAsync($"{files}/c.txt"));
        Assert.Equal("beta", await File.ReadAllTextAsync($"{files}/{Path.GetFileName(src)}/sub/b.txt"));
    }

    [Fact]
    public async Task UnreachableDestination_FailsAlone_AndRunningRetriesOnlyIt()
    {
        using var app = product.App();
        var good = new[] { TestServers.SshHosts[23], TestServers.SshHosts[24] };
        var tag = Guid.NewGuid().ToString("N");
        var src = Scratch($"one-{tag}");
        await File.WriteAllTextAsync($"{src}/v.txt", "v1");
        var dst = Scratch($"to-{tag}");
        await CreateJobAsync(app, 0, $"partial-{tag}", Scp("spread", "builtin", TestServers.SshHosts[25], $"{src}/v.txt", [.. good, "127.0.0.253"], dst + "/"));
        var task = await StartByNameAsync(app, 0, $"partial-{tag}");

        await WaitTaskAsync(app, 0, task, s => s == "waiting", "to wait for a decision");
        var step = (await StepsAsync(app, 0, task)).Single();
        var stepUuid = step.GetProperty("uuid").GetString()!;
        Assert.Equal("decision", step.Status());
        var hosts = await HostsAsync(app, 0, task, stepUuid);
        Assert.All(good, h => Assert.Equal("success", hosts[h].Status));
        Assert.Equal("fail", hosts["127.0.0.253"].Status);
        Assert.Contains("connect", hosts["127.0.0.253"].Reason, StringComparison.Ordinal);

        var retry = await app.PostAsync($"{J}/subtask/0", new { taskuuid = task, subtaskuuid = stepUuid, subtasktype = "scp", control = "running" });
        Assert.True(retry.Stat(), retry.ToString());
        var log = await Eventually.WaitAsync(
            () => LiveLog.ReadAsync(product.BaseUrl, task + stepUuid + "scp", "substatus"),
            l => l.Count("substatus = decision") == 2,
            TimeSpan.FromSeconds(60),
            "the retry to end in a decision again");
        Assert.Equal("decision", (await StepsAsync(app, 0, task)).Single().Status());
        Assert.All(good, h => Assert.Equal(1, log.Count($"{h}: copied {TestServers.SshHosts[25]}:{src}/v.txt")));

        Assert.True((await app.PostAsync($"{J}/subtask/0", new { taskuuid = task, subtaskuuid = stepUuid, subtasktype = "scp", control = "ignore" })).Stat());
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, task)).Status());
        Assert.Equal("v1", await File.ReadAllTextAsync($"{dst}/v.txt"));
    }

    [Fact]
    public async Task PluginScp_RefusesBadRequests_AndFailsWithUpstreamsReasons()
    {
        using var app = product.App();
        var host = TestServers.SshHosts[26];
        var body = Plugin("bad", host, "/etc/hostname", host, Scratch($"bad-{Guid.NewGuid():N}") + "/");
        Assert.Equal("sp undef", (await app.PostAsync($"{J}/task/0/plugin_scp", Without(body, "sp"))).Info());
        Assert.Equal("check format fail src_type need in builtin,group,fileserver,ci", (await app.PostAsync($"{J}/task/0/plugin_scp", With(body, "src_type", "everywhere"))).Info());
        Assert.Equal("sp format error", (await app.PostAsync($"{J}/task/0/plugin_scp", With(With(body, "src_type", "fileserver"), "sp", "a/b"))).Info());
        Assert.Equal("dst_type fileserver stores a single file: sp must not be a directory", (await app.PostAsync($"{J}/task/0/plugin_scp", With(With(body, "dst_type", "fileserver"), "sp", "/etc/"))).Info());
        Assert.Equal("nodegroup id 987654 nofind", (await app.PostAsync($"{J}/task/0/plugin_scp", With(With(body, "src_type", "group"), "src", "987654"))).Info());

        var missingFile = $"missing-{Guid.NewGuid():N}";
        Assert.Equal($"fileserver null: {missingFile}", await FailureAsync(app, With(With(body, "src_type", "fileserver"), "sp", missingFile)));
        Assert.Equal("variable undef:target", await FailureAsync(app, With(body, "dp", "/tmp/$target/")));
        var noSource = await StartScpAsync(app, 0, With(body, "sp", "/nonexistent/openc3"));
        Assert.Equal("fail", (await WaitFinishedAsync(app, 0, noSource.GetProperty("uuid").GetString()!)).Status());
        Assert.Contains("/nonexistent/openc3: no such file or directory", await LiveLog.ReadAsync(product.BaseUrl, noSource.GetProperty("loguuid").GetString()!, "substatus"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACopyCutByItsTimeout_FailsWithTheReason_AndLeavesNothingBehind()
    {
        using var app = product.App();
        var tag = Guid.NewGuid().ToString("N");
        var src = Scratch($"sparse-{tag}");
        await using (var sparse = File.Create($"{src}/huge.bin"))
        {
            sparse.SetLength(8L * 1024 * 1024 * 1024);
        }

        var dst = Scratch($"cut-{tag}");
        var body = Plugin("cut", TestServers.SshHosts[27], $"{src}/huge.bin", TestServers.SshHosts[28], dst + "/");
        body["timeout"] = "2";
        var started = await StartScpAsync(app, 0, body);
        var task = started.GetProperty("uuid").GetString()!;
        Assert.Equal("fail", (await WaitFinishedAsync(app, 0, task)).Status());
        var hosts = await HostsAsync(app, 0, task, started.GetProperty("loguuid").GetString()![12..24]);
        Assert.Equal(("fail", "timeout after 2 s"), hosts[TestServers.SshHosts[28]]);
        await Eventually.WaitAsync(() => Task.FromResult(Directory.GetFileSystemEntries(dst).Length), n => n == 0, TimeSpan.FromSeconds(30), "the destination's temp file to be removed");
        Directory.Delete(src, recursive: true);
    }

    /// <summary>A fresh folder under /tmp that the farm's login can write to and the test can read.</summary>
    internal static string Scratch(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"openc3-scp-{name}");
        Directory.CreateDirectory(path);
        Run("chmod", "777", path);
        return path;
    }

    private static Dictionary<string, object?> Plugin(string name, string source, string sp, string target, string dp, string chown = "")
    {
        var body = Scp(name, "builtin", source, sp, [target], dp, chown: chown);
        body.Remove("plugin_type");
        return body;
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string key, object? value) => new(body) { [key] = value };

    private static Dictionary<string, object?> Without(Dictionary<string, object?> body, string key)
    {
        var copy = new Dictionary<string, object?>(body);
        copy.Remove(key);
        return copy;
    }

    private async Task<string> FailureAsync(ApiClient app, Dictionary<string, object?> body)
    {
        var started = await StartScpAsync(app, 0, body);
        var task = await WaitFinishedAsync(app, 0, started.GetProperty("uuid").GetString()!);
        Assert.Equal("fail", task.Status());
        return task.Reason();
    }

    private static List<string> Listing(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();

    internal static string Run(string program, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}

[Collection(SharedProducts.SqliteExecution)]
public sealed class SqliteScpStepTests(ExecutionProduct product) : ScpStepTests(product);

[Collection(SharedProducts.MariaDbExecution)]
public sealed class MariaDbScpStepTests(MariaDbExecutionProduct product) : ScpStepTests(product);
