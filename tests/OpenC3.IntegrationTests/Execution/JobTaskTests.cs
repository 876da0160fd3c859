using System.Net.Http.Json;
using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>Saved jobs run as tasks on the sshd farm: decisions, retries of failed hosts only, pause/next, idempotent uuids, redo.</summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class JobTaskTests(ExecutionProduct product)
{
    private const string J = "/api/job";

    [Fact]
    public async Task FailedHosts_PutTheTaskInWaiting_AndRunningRetriesOnlyThem()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Take(20).ToList();
        var bad = new[] { hosts[3], hosts[11] };
        var marks = Marks();
        // Each run appends a mark; the two bad hosts fail on their first run only.
        var script = $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); echo run >> {marks}.$h; n=$(wc -l < {marks}.$h); " +
                     $"case $h in {bad[0]}|{bad[1]}) [ $n -ge 2 ] || exit 3;; esac; echo ok-$h";
        var job = await CreateJobAsync(app, "retry", Step("first", hosts, script), Step("second", hosts.Take(2), "echo second"));
        var uuid = await StartAsync(app, job);

        await WaitStatusAsync(app, uuid, "waiting");
        var steps = (await app.GetAsync($"{J}/subtask/0/{uuid}")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal("decision", steps[0].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, steps[1].GetProperty("status").ValueKind);
        var stepUuid = steps[0].GetProperty("uuid").GetString()!;

        var retry = await app.PostAsync($"{J}/subtask/0", new { taskuuid = uuid, subtaskuuid = stepUuid, subtasktype = "cmd", control = "running" });
        Assert.True(retry.GetProperty("stat").GetBoolean(), retry.ToString());
        Assert.Equal("success", (await WaitStatusAsync(app, uuid, "success")).GetProperty("status").GetString());

        Assert.All(hosts, h => Assert.Equal(bad.Contains(h) ? 2 : 1, File.ReadAllLines($"{marks}.{h}").Length));
        var noDecision = await app.PostAsync($"{J}/subtask/0", new { taskuuid = uuid, subtaskuuid = stepUuid, subtasktype = "cmd", control = "ignore" });
        Assert.Equal("no update anything:0E0", noDecision.GetProperty("info").GetString());
        DeleteMarks(marks, hosts);
    }

    [Theory]
    [InlineData("ignore", "success")]
    [InlineData("fail", "fail")]
    public async Task Decision_IgnoreGoesOn_FailStopsTheTask(string control, string expected)
    {
        using var app = product.App();
        var job = await CreateJobAsync(app, $"decide-{control}", Step("broken", [TestServers.SshHosts[25]], "exit 1"), Step("after", [TestServers.SshHosts[26]], "echo after"));
        var uuid = await StartAsync(app, job);
        await WaitStatusAsync(app, uuid, "waiting");
        var stepUuid = (await app.GetAsync($"{J}/subtask/0/{uuid}")).GetProperty("data")[0].GetProperty("uuid").GetString()!;
        await app.PostAsync($"{J}/subtask/0", new { taskuuid = uuid, subtaskuuid = stepUuid, subtasktype = "cmd", control });
        var task = await WaitStatusAsync(app, uuid, expected);
        if (control == "fail")
        {
            Assert.Equal($"stop by {ExecutionProductUser}", task.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task Pause_WaitsForNext_BeforeTheFollowingStep()
    {
        using var app = product.App();
        var paused = Step("paused", [TestServers.SshHosts[27]], "echo one");
        paused["pause"] = "check before going on";
        var job = await CreateJobAsync(app, "pause", paused, Step("then", [TestServers.SshHosts[27]], "echo two"));
        var uuid = await StartAsync(app, job);
        await WaitStatusAsync(app, uuid, "waiting");
        var steps = (await app.GetAsync($"{J}/subtask/0/{uuid}")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal("success", steps[0].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, steps[1].GetProperty("status").ValueKind);

        Assert.Equal("check before going on", steps[0].GetProperty("pause").GetString());

        // history/job's step list offers "next" while the row's pause is set; next clears it, as upstream.
        var next = await app.Http.PutAsJsonAsync($"{J}/subtask/0", new { taskuuid = uuid, subtaskuuid = steps[0].GetProperty("uuid").GetString(), subtasktype = "cmd", control = "next" });
        Assert.True((await ApiClient.ReadAsync(next)).GetProperty("stat").GetBoolean());
        await WaitStatusAsync(app, uuid, "success");
        Assert.Equal(string.Empty, (await app.GetAsync($"{J}/subtask/0/{uuid}")).GetProperty("data")[0].GetProperty("pause").GetString());
    }

    [Fact]
    public async Task ByName_WithACallersUuid_StartsOnce_AndRedoStartsANewRun()
    {
        using var app = product.App();
        await CreateJobAsync(app, "once", Step("hello", [TestServers.SshHosts[28]], "echo $1", "$who"));
        var uuid = "Idem" + Guid.NewGuid().ToString("N")[..7] + "x";
        var first = await app.PostAsync($"{J}/task/0/job/byname", new { jobname = "once", uuid, variable = new { who = "me" } });
        Assert.Equal(uuid, first.GetProperty("uuid").GetString());
        var second = await app.PostAsync($"{J}/task/0/job/byname", new { jobname = "once", uuid, variable = new { who = "me" } });
        Assert.Equal("This task has been successfully created", second.GetProperty("info").GetString());
        await WaitStatusAsync(app, uuid, "success");
        Assert.Single((await app.GetAsync($"{J}/task/0?taskuuid={uuid}")).GetProperty("data").EnumerateArray());

        var redo = await app.PostAsync($"{J}/task/0/redo", new { taskuuid = uuid });
        var again = redo.GetProperty("uuid").GetString()!;
        Assert.NotEqual(uuid, again);
        var task = await WaitStatusAsync(app, again, "success");
        Assert.Contains("who: 'me'", task.GetProperty("variable").GetString(), StringComparison.Ordinal);
        Assert.Equal("nofind job missing", (await app.PostAsync($"{J}/task/0/job/byname", new { jobname = "missing" })).GetProperty("info").GetString());
    }

    private const string ExecutionProductUser = "ci@app";

    private static Dictionary<string, object?> Step(string name, IEnumerable<string> hosts, string script, string argv = "") => new()
    {
        ["plugin_type"] = "cmd", ["name"] = name, ["user"] = TestServers.SshUser, ["node_type"] = "builtin",
        ["node_cont"] = string.Join(',', hosts), ["scripts_type"] = "shell", ["scripts_cont"] = script, ["scripts_argv"] = argv, ["timeout"] = "60",
    };

    private static async Task<string> CreateJobAsync(ApiClient app, string name, params Dictionary<string, object?>[] steps)
    {
        var reply = await app.PostAsync($"{J}/jobs/0", new { name = $"{name}", data = steps, permanent = 1 });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("uuid").GetString()!;
    }

    private static async Task<string> StartAsync(ApiClient app, string jobUuid)
    {
        var reply = await app.PostAsync($"{J}/task/0/job", new { jobuuid = jobUuid });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("uuid").GetString()!;
    }

    private static Task<JsonElement> WaitStatusAsync(ApiClient app, string uuid, string status) =>
        Eventually.WaitAsync(
            async () => (await app.GetAsync($"{J}/task/0/{uuid}")).GetProperty("data"),
            t => t.GetProperty("status").GetString() == status,
            TimeSpan.FromSeconds(90),
            $"task {uuid} to be {status}");
}
