using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>Ad-hoc commands (`/task/:treeid/plugin_cmd`) through the API on real hosts, followed like a client does.</summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class PluginCommandTests(ExecutionProduct product)
{
    [Fact]
    public async Task CommandOnTwentyHosts_Succeeds_WithEachHostsOutputInTheLog()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Take(20).ToList();
        var started = await StartAsync(app, hosts, "echo \"from $(echo $SSH_CONNECTION | cut -d' ' -f3) arg=$1\"", "one");
        var uuid = started.GetProperty("uuid").GetString()!;
        Assert.Matches("^[A-Za-z0-9]{11}[a-z]$", uuid);

        var task = await WaitFinishedAsync(app, uuid);
        Assert.Equal("success", task.GetProperty("status").GetString());
        Assert.Equal("plugin_cmd", task.GetProperty("jobtype").GetString());
        Assert.Equal("api", task.GetProperty("calltype").GetString());

        var steps = (await app.GetAsync($"/api/job/subtask/0/{uuid}")).GetProperty("data").EnumerateArray().ToList();
        var step = Assert.Single(steps);
        Assert.Equal("success", step.GetProperty("status").GetString());
        Assert.Equal("20", step.GetProperty("nodecount").GetString());
        Assert.Equal("cmd", step.GetProperty("subtask_type").GetString());

        var log = await ReadLogAsync(started.GetProperty("loguuid").GetString()!, until: "substatus = success");
        Assert.All(hosts, host => Assert.Contains($"from {host} arg=one", log, StringComparison.Ordinal));
        Assert.Contains("substatus = success", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingHost_FailsTheAdHocTask_AndTheLogNamesIt()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Skip(20).Take(3).ToList();
        var bad = hosts[1];
        var started = await StartAsync(app, hosts, $"[ \"$(echo $SSH_CONNECTION | cut -d' ' -f3)\" != {bad} ] || exit 7; echo fine", "");
        var task = await WaitFinishedAsync(app, started.GetProperty("uuid").GetString()!);
        Assert.Equal("fail", task.GetProperty("status").GetString());

        var log = await ReadLogAsync(started.GetProperty("loguuid").GetString()!, until: "substatus = fail");
        Assert.Contains($"failed: {bad}", log, StringComparison.Ordinal);
        Assert.Contains("--- 7", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveLog_ReceivesLinesWhileTheStepStillRuns()
    {
        using var app = product.App();
        var started = await StartAsync(app, [TestServers.SshHosts[30]], "echo early-line; sleep 4; echo late-line", "");
        var uuid = started.GetProperty("uuid").GetString()!;
        using var socket = await ConnectLogAsync(started.GetProperty("loguuid").GetString()!);
        var received = new StringBuilder();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!received.ToString().Contains("early-line", StringComparison.Ordinal))
        {
            received.Append(await ReceiveAsync(socket, limit.Token));
        }

        Assert.DoesNotContain("late-line", received.ToString(), StringComparison.Ordinal);
        Assert.Equal("running", (await app.GetAsync($"/api/job/task/0/{uuid}")).GetProperty("data").GetProperty("status").GetString());
        while (!received.ToString().Contains("late-line", StringComparison.Ordinal))
        {
            received.Append(await ReceiveAsync(socket, limit.Token));
        }
    }

    [Fact]
    public async Task Kill_StopsTheRemoteCommand_AndFailsTheTaskWithTheReason()
    {
        using var app = product.App();
        var marker = $"sleep 7{Random.Shared.Next(100, 999)}";
        var started = await StartAsync(app, [TestServers.SshHosts[31]], $"echo going; {marker}", "");
        var uuid = started.GetProperty("uuid").GetString()!;
        await ReadLogAsync(started.GetProperty("loguuid").GetString()!, until: "going");

        var kill = await app.Http.DeleteAsync($"/api/job/slave/anyslave/killtask/{uuid}");
        var reply = await ApiClient.ReadAsync(kill);
        Assert.Equal("kill task succcess", reply.GetProperty("info").GetString());

        var task = await WaitFinishedAsync(app, uuid);
        Assert.Equal("fail", task.GetProperty("status").GetString());
        Assert.Equal($"killed by {EmbeddedProduct.AppName}@app", task.GetProperty("reason").GetString());
        await Eventually.WaitAsync(() => Task.FromResult(CountProcesses(marker)), n => n == 0, TimeSpan.FromSeconds(15), "the remote sleep to be killed");

        var again = await ApiClient.ReadAsync(await app.Http.DeleteAsync($"/api/job/slave/anyslave/killtask/{uuid}"));
        Assert.Equal($"task {uuid} has been closed, status is fail", again.GetProperty("info").GetString());
    }

    [Fact]
    public async Task TreeGuard_RunsOnlyOnTheNodesMachines()
    {
        using var app = product.App();
        var node = Random.Shared.Next(5000, 900000);
        var own = TestServers.SshHosts[36];
        var foreign = TestServers.SshHosts[37];
        var added = await app.PostAsync($"/api/job/nodelist/{node}", new { name = own });
        Assert.True(added.GetProperty("stat").GetBoolean(), added.ToString());

        var allowed = await StartOnAsync(app, node, [own], "echo mine");
        Assert.Equal("success", (await WaitFinishedAsync(app, allowed.GetProperty("uuid").GetString()!, node)).GetProperty("status").GetString());

        var refused = await StartOnAsync(app, node, [own, foreign], "echo should-not-run");
        Assert.Equal("fail", (await WaitFinishedAsync(app, refused.GetProperty("uuid").GetString()!, node)).GetProperty("status").GetString());
        var log = await ReadLogAsync(refused.GetProperty("loguuid").GetString()!, until: "substatus");
        Assert.Contains($"the node not on tree: {foreign}", log, StringComparison.Ordinal);
        Assert.DoesNotContain("should-not-run\n", log.Replace("echo should-not-run", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyBracketValueLines_AreStoredAsVersionVariables()
    {
        using var app = product.App();
        var host = TestServers.SshHosts[38];
        var started = await StartAsync(app, [host], "echo 'built VERSION:[2.4.1] and APP_api_VERSION:[2.4.1-b7]'", "");
        await WaitFinishedAsync(app, started.GetProperty("uuid").GetString()!);
        var rows = (await app.GetAsync($"/api/job/vv/0?node={host}")).GetProperty("data").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("value").GetString());
        Assert.Equal("2.4.1", rows["VERSION"]);
        Assert.Equal("2.4.1-b7", rows["APP_api_VERSION"]);
    }

    [Fact]
    public async Task UnreachableHost_FailsWithAReadableReason()
    {
        using var app = product.App();
        var started = await StartAsync(app, ["127.0.0.253"], "echo never", "");
        var task = await WaitFinishedAsync(app, started.GetProperty("uuid").GetString()!);
        Assert.Equal("fail", task.GetProperty("status").GetString());
        var log = await ReadLogAsync(started.GetProperty("loguuid").GetString()!, until: "substatus");
        Assert.Contains("connect fail", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndefinedVariable_FailsTheTask_WithUpstreamsReason()
    {
        using var app = product.App();
        var started = await StartAsync(app, [TestServers.SshHosts[32]], "echo $1", "$version");
        var task = await WaitFinishedAsync(app, started.GetProperty("uuid").GetString()!);
        Assert.Equal("fail", task.GetProperty("status").GetString());
        Assert.Equal("variable undef:version", task.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task BadInput_IsRefusedWithUpstreamsMessages_AndNothingRuns()
    {
        using var app = product.App();
        var reply = await app.PostAsync("/api/job/task/0/plugin_cmd", new { name = "x", user = "bad user", node_type = "builtin", node_cont = "127.0.0.2", scripts_type = "shell", scripts_cont = "id" });
        Assert.Equal("check format fail user format error (?^:^[A-Za-z0-9_]+$)", reply.GetProperty("info").GetString());
        reply = await app.PostAsync("/api/job/task/0/plugin_cmd", new { name = "x", user = TestServers.SshUser, node_type = "everywhere", node_cont = "127.0.0.2", scripts_type = "shell", scripts_cont = "id" });
        Assert.Equal("check format fail node_type need in builtin,group", reply.GetProperty("info").GetString());
        Assert.Equal("norun", (await app.GetAsync("/api/job/task/0/AAAAAAAAAAAa")).GetProperty("data").GetProperty("status").GetString());

        var page = await app.Http.GetAsync("/api/job/slave/ok-slave/tasklog/AAAAAAAAAAAa");
        Assert.Contains("/api/job/slave/ok-slave/ws?uuid=AAAAAAAAAAAa", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var injected = await app.Http.GetAsync("/api/job/slave/x%27%3Balert(1)%3B%27/tasklog/AAAAAAAAAAAa");
        Assert.DoesNotContain("alert", await injected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountsAndAnalyses_IncludeFinishedTasks_InUpstreamsShapes()
    {
        using var app = product.App();
        var started = await StartAsync(app, [TestServers.SshHosts[35]], "echo counted", "");
        await WaitFinishedAsync(app, started.GetProperty("uuid").GetString()!);

        var count = (await app.GetAsync("/api/job/task/0/count")).GetProperty("data");
        Assert.True(count.GetProperty("success").GetInt32() >= 1);

        // dashboard.controller.js: monthTask = fail + success + running, so all three are numbers even when zero.
        Assert.All(new[] { "success", "running", "fail" }, status => Assert.Equal(JsonValueKind.Number, count.GetProperty(status).ValueKind));
        var today = DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var total = (await app.GetAsync($"/api/job/task/0/total_count?time_start={today}&time_end={today}")).GetProperty("data");
        Assert.Equal(count.GetProperty("success").GetInt32(), total.GetProperty("success").GetInt32());

        var dates = (await app.GetAsync("/api/job/task/0/analysis/date")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(30, dates.Count);
        Assert.Equal(today, dates[^1][0].GetString());
        Assert.True(dates[^1][1].GetInt32() >= dates[^1][2].GetInt32() && dates[^1][2].GetInt32() >= 1);

        var last = (await app.GetAsync("/api/job/task/0/analysis/last?count=1")).GetProperty("data").EnumerateArray().Single();
        Assert.Equal($"{EmbeddedProduct.AppName}@app", last.GetProperty("user").GetString());
        var runtime = (await app.GetAsync("/api/job/task/0/analysis/runtime")).GetProperty("data");
        Assert.Equal(["0-1", "1-3", "3-5", "5-10", "10-30", "30+"], runtime.EnumerateObject().Select(p => p.Name));
        Assert.Matches(@"^\d+\.\d{2}$", runtime.GetProperty("0-1").GetString());
        var statistics = (await app.GetAsync("/api/job/task/0/analysis/statistics")).GetProperty("data").EnumerateArray();
        Assert.Contains(statistics, p => p.GetProperty("id").GetInt64() == 0 && p.GetProperty("count").GetInt32() >= 1);
        Assert.Equal("check format fail time_end undef", (await app.GetAsync($"/api/job/task/0/total_count?time_start={today}")).GetProperty("info").GetString());
    }

    private static Task<JsonElement> StartAsync(ApiClient app, IReadOnlyList<string> hosts, string script, string argv) => StartOnAsync(app, 0, hosts, script, argv);

    private static async Task<JsonElement> StartOnAsync(ApiClient app, long node, IReadOnlyList<string> hosts, string script, string argv = "")
    {
        var reply = await app.PostAsync($"/api/job/task/{node}/plugin_cmd", new
        {
            name = "adhoc",
            user = TestServers.SshUser,
            node_type = "builtin",
            node_cont = string.Join(',', hosts),
            scripts_type = "shell",
            scripts_cont = script,
            scripts_argv = argv,
            timeout = 60,
        });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("data");
    }

    private static Task<JsonElement> WaitFinishedAsync(ApiClient app, string uuid, long node = 0) =>
        Eventually.WaitAsync(
            async () => (await app.GetAsync($"/api/job/task/{node}/{uuid}")).GetProperty("data"),
            t => t.GetProperty("status").GetString() is "success" or "fail" or "refuse",
            TimeSpan.FromSeconds(90),
            $"task {uuid} to finish");

    private Task<string> ReadLogAsync(string logUuid, string until) => LiveLog.ReadAsync(product.BaseUrl, logUuid, until);

    private Task<ClientWebSocket> ConnectLogAsync(string logUuid) => LiveLog.ConnectAsync(product.BaseUrl, logUuid);

    private static Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken) => LiveLog.ReceiveAsync(socket, cancellationToken);

    private static int CountProcesses(string commandLine)
    {
        using var pgrep = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pgrep", ["-fx", commandLine]) { RedirectStandardOutput = true })!;
        var output = pgrep.StandardOutput.ReadToEnd();
        pgrep.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
