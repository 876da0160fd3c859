using System.Diagnostics;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// Issue 15: a kill or a step timeout stops everything a script left running in its session, on each host at once: a
/// script that execs, one that leaves children (`&amp;`, `nohup … &amp;`), one that ignores TERM, and one run as another
/// user through sudo. Each is gone within 10 s, and the wrappers still remove their private directories.
/// </summary>
public abstract class RemoteStopTests(EmbeddedProduct product)
{
    private const int Kinds = 6;

    [Fact]
    public async Task Kill_StopsEveryKindOfRemoteWork_WithinTenSeconds()
    {
        using var app = product.App();
        var unique = Random.Shared.Next(100_000, 999_999);
        var tasks = await StartAllKindsAsync(app, unique, timeout: 120);
        await Eventually.WaitAsync(() => Task.FromResult(Sleeps(unique)), n => n == Kinds, TimeSpan.FromSeconds(30), "every kind of remote work to run");

        foreach (var uuid in tasks)
        {
            Assert.Equal("kill task succcess", (await ApiClient.ReadAsync(await app.Http.DeleteAsync($"{J}/slave/anyslave/killtask/{uuid}"))).Info());
        }

        await AllGoneAsync(unique, tasks, TimeSpan.FromSeconds(10), "killed");
        Assert.All(await Task.WhenAll(tasks.Select(t => WaitFinishedAsync(app, 0, t))), t => Assert.Equal("fail", t.Status()));
    }

    [Fact]
    public async Task StepTimeout_StopsEveryKindOfRemoteWork_WithinTenSeconds()
    {
        using var app = product.App();
        var unique = Random.Shared.Next(100_000, 999_999);
        const int timeout = 5;
        var tasks = await StartAllKindsAsync(app, unique, timeout);

        // Every script had started before its mark was seen, so each timeout passes at most `timeout` s from now.
        await AllGoneAsync(unique, tasks, TimeSpan.FromSeconds(timeout + 10), "stopped by the timeout");
        Assert.All(await Task.WhenAll(tasks.Select(t => WaitFinishedAsync(app, 0, t))), t => Assert.Equal("fail", t.Status()));
    }

    /// <summary>
    /// Two ad-hoc tasks: three kinds on three hosts as the login, one as the sudo user; returns once every script marked
    /// that it started its sleeps (a mark, not the sleeps themselves: a short timeout may stop them before they are seen).
    /// </summary>
    private static async Task<string[]> StartAllKindsAsync(ApiClient app, int unique, int timeout)
    {
        var hosts = TestServers.SshHosts.Skip(24).Take(4).ToList();
        var mark = Path.Combine(Path.GetTempPath(), $"openc3-stop-{unique}");
        var script = $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); case $h in " +
                     $"{hosts[0]}) touch {mark}.exec; exec sleep 401.{unique};; " +
                     $"{hosts[1]}) sleep 402.{unique} & nohup sleep 403.{unique} & touch {mark}.children; echo started;; " +
                     $"{hosts[2]}) trap '' TERM; touch {mark}.ignores; sleep 404.{unique};; esac";
        var asLogin = await StartAsync(app, TestServers.SshUser, hosts.Take(3), script, timeout);
        var asOther = await StartAsync(app, TestServers.SudoUser, [hosts[3]], $"sleep 405.{unique} & touch {mark}.sudo; exec sleep 406.{unique}", timeout);
        var marks = new[] { "exec", "children", "ignores", "sudo" }.Select(kind => $"{mark}.{kind}").ToList();
        await Eventually.WaitAsync(() => Task.FromResult(marks.Count(File.Exists)), n => n == marks.Count, TimeSpan.FromSeconds(60), "every kind of remote work to start");
        marks.ForEach(File.Delete);
        return [asLogin, asOther];
    }

    private static async Task<string> StartAsync(ApiClient app, string user, IEnumerable<string> hosts, string script, int timeout)
    {
        var reply = await app.PostAsync($"{J}/task/0/plugin_cmd", new
        {
            name = "stop-me", user, node_type = "builtin", node_cont = string.Join(',', hosts), scripts_type = "shell", scripts_cont = script, timeout,
        });
        Assert.True(reply.Stat(), reply.ToString());
        return reply.GetProperty("data").GetProperty("uuid").GetString()!;
    }

    private static async Task AllGoneAsync(int unique, string[] tasks, TimeSpan limit, string what)
    {
        var watch = Stopwatch.StartNew();
        await Eventually.WaitAsync(() => Task.FromResult(Sleeps(unique)), n => n == 0, limit, $"every remote sleep to be {what}");
        var left = limit - watch.Elapsed;
        await Eventually.WaitAsync(
            () => Task.FromResult(tasks.Sum(t => Directory.GetDirectories("/tmp", $"openc3.{t}*").Length)),
            n => n == 0,
            left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1),
            "the wrappers to remove their directories");
    }

    /// <summary>This test's sleeps on the farm, told apart by their unique durations.</summary>
    private static int Sleeps(int unique) => FarmProcesses.Count($"^sleep 40[0-9][.]{unique}$");
}

[Collection(SharedProducts.SqliteExecution)]
public sealed class SqliteRemoteStopTests(ExecutionProduct product) : RemoteStopTests(product);

[Collection(SharedProducts.MariaDbExecution)]
public sealed class MariaDbRemoteStopTests(MariaDbExecutionProduct product) : RemoteStopTests(product);
