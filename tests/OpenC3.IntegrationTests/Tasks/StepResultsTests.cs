using System.Net;
using System.Text.Json;
using OpenC3.Grains.Execution;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Tasks;

/// <summary>
/// The console's step routes on the sshd farm: result groups (and their search), one host's output, ETags that
/// answer 304 until the step changes, a retry of chosen failed hosts only, and a quick command that waits for a decision.
/// </summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class StepResultsTests(ExecutionProduct product)
{
    /// <summary>The farm address a step's script runs on.</summary>
    private const string ThisHost = "h=$(echo $SSH_CONNECTION | cut -d' ' -f3)";

    [Fact]
    public async Task Groups_OfAFinishedStep_ByOutcomeAndOutput_FailuresFirst_SearchableByOutputAndName_AndOneHostsOutput()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Skip(120).Take(7).ToList();
        var (alpha, beta, broken, big) = (hosts[..2], hosts[2..4], hosts[4..6], hosts[6]);
        var script = $"{ThisHost}; case $h in {Alternatives(alpha)}) echo alpha;; {Alternatives(beta)}) echo Beta;; {big}) head -c 20000 /dev/zero | tr '\\0' x;; *) echo broken; exit 4;; esac";
        var (task, step) = await RunUntilDecisionAsync(app, hosts, script);

        var groups = (await app.GetAsync(Groups(task, step))).Data();
        Assert.Equal("decision", groups.Status());
        Assert.Equal(7, groups.GetProperty("total").GetInt32());
        Assert.Equal("5 2 0 0", Counts(groups));
        // Failures first, then the larger groups; groups of one size by their first host.
        var twoHostGroups = new[] { $"success 0 {Sorted(alpha)} alpha\n False", $"success 0 {Sorted(beta)} Beta\n False" }.Order(StringComparer.Ordinal);
        Assert.Equal(
            [$"fail 4 {Sorted(broken)} broken\n False", .. twoHostGroups, $"success 0 {big} {new string('x', 2048)} True"],
            groups.GetProperty("groups").EnumerateArray().Select(g => $"{g.Status()} {g.GetProperty("exitcode")} {string.Join(',', g.GetProperty("hosts").EnumerateArray())} {g.Text("sample")} {g.GetProperty("cut").GetBoolean()}"));
        Assert.Equal(4, groups.GetProperty("groups").EnumerateArray().Select(g => g.Text("key")).Distinct().Count());
        Assert.All(groups.GetProperty("groups").EnumerateArray(), g => Assert.Equal(g.GetProperty("hosts").GetArrayLength(), g.GetProperty("count").GetInt32()));

        var searched = (await app.GetAsync(Groups(task, step) + "?q=bEtA")).Data();
        Assert.Equal([Sorted(beta)], searched.GetProperty("groups").EnumerateArray().Select(g => string.Join(',', g.GetProperty("hosts").EnumerateArray())));
        Assert.Equal("5 2 0 0", Counts(searched));
        var byName = (await app.GetAsync(Groups(task, step) + $"?q={broken[1]}")).Data();
        Assert.Equal([broken[1]], byName.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("hosts").EnumerateArray()).Select(h => h.GetString()));
        Assert.Empty((await app.GetAsync(Groups(task, step) + "?q=.*")).Data().GetProperty("groups").EnumerateArray());
        Assert.StartsWith("check format fail q too long", Refusal(await app.GetAsync(Groups(task, step) + "?q=" + new string('a', 201))), StringComparison.Ordinal);

        var failed = (await app.GetAsync(Output(task, step, broken[0]))).Data();
        Assert.Equal(("fail", 4, "broken\n", false), (failed.Status(), failed.GetProperty("exitcode").GetInt32(), failed.Text("output"), failed.GetProperty("cut").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("reason").ValueKind);
        var cut = (await app.GetAsync(Output(task, step, big))).Data();
        Assert.Equal((16 * 1024, true), (cut.Text("output").Length, cut.GetProperty("cut").GetBoolean()));
        Assert.Matches("^x+$", cut.Text("output"));
        Assert.Equal("nofind", Refusal(await app.GetAsync(Output(task, step, "10.255.255.1"))));
        Assert.Equal("nofind", Refusal(await app.GetAsync($"{J}/subtask/{NewTree()}/{task}/{step}/output/{alpha[0]}")));
        Assert.Equal("nofind", Refusal(await app.GetAsync($"{J}/subtask/0/{task}/nosuchstep/groups")));

        await DecideAsync(app, task, step, new { control = "fail" });
    }

    [Fact]
    public async Task StepReads_CarryAnETag_304WhileNothingChanged_AndANewTagOnceTheStepChanged()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Skip(130).Take(2).ToList();
        var marks = Marks();
        var (task, step) = await RunUntilDecisionAsync(app, hosts, FailsOnFirstRun(marks, hosts[1]));
        string[] reads = [$"{J}/subtask/0/{task}/{step}", Groups(task, step), $"{J}/subtask/0/{task}"];
        var tags = new List<string>();
        foreach (var read in reads)
        {
            var (status, tag, body) = await ConditionalGetAsync(app, read, null);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.StartsWith("W/\"", tag, StringComparison.Ordinal);
            Assert.True(JsonDocument.Parse(body).RootElement.Stat());
            var again = await ConditionalGetAsync(app, read, tag);
            Assert.Equal((HttpStatusCode.NotModified, tag, string.Empty), again);
            tags.Add(tag);
        }

        await DecideAsync(app, task, step, new { control = "running" });
        await WaitFinishedAsync(app, 0, task);
        foreach (var (read, old) in reads.Zip(tags))
        {
            var (status, tag, _) = await ConditionalGetAsync(app, read, old);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotEqual(old, tag);
        }

        DeleteMarks(marks, hosts);
    }

    [Fact]
    public async Task RetryOfChosenHosts_RunsOnlyThem_InTheSameTask_OthersKeepTheirResults_AndRefusesOthersAndStrangers()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Skip(140).Take(6).ToList();
        var failing = hosts[2..];
        var chosen = new[] { failing[3], failing[1] };
        var marks = Marks();
        var (task, step) = await RunUntilDecisionAsync(app, hosts, FailsOnFirstRun(marks, failing), variable: new { who = "kept" });

        Assert.Equal($"host {hosts[0]} is not a failed host of this step", Refusal(await DecideAsync(app, task, step, new { control = "running", hosts = new[] { failing[0], hosts[0] } })));
        Assert.Equal("host 10.255.255.1 is not a failed host of this step", Refusal(await DecideAsync(app, task, step, new { control = "running", hosts = new[] { "10.255.255.1" } })));
        Assert.StartsWith("check format fail hosts", Refusal(await DecideAsync(app, task, step, new { control = "running", hosts = Array.Empty<string>() })), StringComparison.Ordinal);
        Assert.StartsWith("check format fail hosts", Refusal(await DecideAsync(app, task, step, new { control = "ignore", hosts = chosen })), StringComparison.Ordinal);
        using (var stranger = await UserAsync(product, null, 0))
        {
            Assert.Equal("Unauthorized", Refusal(await stranger.PostAsync($"{J}/subtask/0", new { taskuuid = task, subtaskuuid = step, subtasktype = "cmd", control = "running", hosts = chosen })));
        }

        Assert.All(hosts, h => Assert.Single(File.ReadAllLines($"{marks}.{h}")));
        Assert.Equal(1, (await DecideAsync(app, task, step, new { control = "running", hosts = chosen })).Data().GetInt32());
        await WaitStepAsync(app, task, step, "decision");

        Assert.All(hosts, h => Assert.Equal(chosen.Contains(h) ? 2 : 1, File.ReadAllLines($"{marks}.{h}").Length));
        var after = await HostsAsync(app, 0, task, step);
        Assert.All(hosts, h => Assert.Equal(failing.Except(chosen).Contains(h) ? "fail" : "success", after[h].Status));
        Assert.Equal("waiting", (await app.GetAsync($"{J}/task/0/{task}")).Data().Status());
        Assert.Single(await AuditAsync(product, "CONTROL SUBTASK", $"TASK:{task} SUBTASK:{step} CONTROL:running HOSTS:{NodeRange.Format(chosen)}"));

        // The rest, without `hosts`, as upstream: every failed host left.
        await DecideAsync(app, task, step, new { control = "running" });
        var finished = await WaitFinishedAsync(app, 0, task);
        Assert.Equal("success", finished.Status());
        Assert.Contains("who: 'kept'", finished.Text("variable"), StringComparison.Ordinal);
        Assert.All(hosts, h => Assert.Equal(failing.Contains(h) ? 2 : 1, File.ReadAllLines($"{marks}.{h}").Length));
        DeleteMarks(marks, hosts);
    }

    [Fact]
    public async Task QuickCommand_WithDecideOnFail_WaitsForADecision_AndItsFailedHostCanBeRetried_WithoutIt_FailsAtOnce()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Skip(150).Take(2).ToList();
        var marks = Marks();
        var script = FailsOnFirstRun(marks, hosts[1]);

        var failFast = await QuickCommandAsync(app, hosts, script, decideOnFail: null);
        Assert.Equal("fail", (await WaitFinishedAsync(app, 0, failFast)).Status());
        DeleteMarks(marks, hosts);

        var task = await QuickCommandAsync(app, hosts, script, decideOnFail: 1);
        await WaitTaskAsync(app, 0, task, s => s == "waiting", "to wait for a decision");
        var step = (await StepsAsync(app, 0, task)).Single();
        Assert.Equal("decision", step.Status());
        var retry = await app.PostAsync($"{J}/subtask/0", new { taskuuid = task, subtaskuuid = step.Text("uuid"), subtasktype = "cmd", control = "running", hosts = new[] { hosts[1] } });
        Assert.Equal(1, retry.Data().GetInt32());
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, task)).Status());
        Assert.All(hosts, h => Assert.Equal(h == hosts[1] ? 2 : 1, File.ReadAllLines($"{marks}.{h}").Length));
        Assert.StartsWith("check format fail decide_on_fail need in 0,1", Refusal(await QuickCommandReplyAsync(app, hosts, script, decideOnFail: 2)), StringComparison.Ordinal);
        DeleteMarks(marks, hosts);
    }

    private static async Task<string> QuickCommandAsync(ApiClient app, List<string> hosts, string script, int? decideOnFail) =>
        (await QuickCommandReplyAsync(app, hosts, script, decideOnFail)).Data().Text("uuid");

    private static Task<JsonElement> QuickCommandReplyAsync(ApiClient app, List<string> hosts, string script, int? decideOnFail)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = "quick", ["user"] = TestServers.SshUser, ["node_type"] = "builtin", ["node_cont"] = string.Join(',', hosts),
            ["scripts_type"] = "shell", ["scripts_cont"] = script, ["timeout"] = 60,
        };
        if (decideOnFail is { } flag)
        {
            body["decide_on_fail"] = flag;
        }

        return app.PostAsync($"{J}/task/0/plugin_cmd", body);
    }

    /// <summary>A job of one step on <paramref name="hosts"/>, run until the step waits for a decision; returns (task, step).</summary>
    private static async Task<(string Task, string Step)> RunUntilDecisionAsync(ApiClient app, List<string> hosts, string script, object? variable = null)
    {
        var name = $"results-{Guid.NewGuid():N}"[..20];
        await CreateJobAsync(app, 0, name, Cmd("only", hosts, script));
        var task = await StartByNameAsync(app, 0, name, variable: variable);
        await WaitTaskAsync(app, 0, task, s => s == "waiting", "to wait for a decision");
        var step = (await StepsAsync(app, 0, task)).Single();
        Assert.Equal("decision", step.Status());
        return (task, step.Text("uuid"));
    }

    private static Task<JsonElement> WaitStepAsync(ApiClient app, string task, string step, string status) =>
        Eventually.WaitAsync(
            async () => (await app.GetAsync($"{J}/subtask/0/{task}/{step}")).Data(),
            s => s.Status() == status && s.GetProperty("hosts").EnumerateArray().All(h => h.Status() != "running"),
            TimeSpan.FromSeconds(90),
            $"step {step} to be {status}");

    private static Task<JsonElement> DecideAsync(ApiClient app, string task, string step, object decision)
    {
        var body = JsonSerializer.SerializeToElement(decision).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["taskuuid"] = task;
        body["subtaskuuid"] = step;
        body["subtasktype"] = "cmd";
        return app.PostAsync($"{J}/subtask/0", body);
    }

    private static async Task<(HttpStatusCode Status, string Tag, string Body)> ConditionalGetAsync(ApiClient app, string path, string? tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (tag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", tag);
        }

        using var response = await app.Http.SendAsync(request);
        return (response.StatusCode, response.Headers.ETag?.ToString() ?? string.Empty, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Each run appends a mark per host; <paramref name="failing"/> fail on their first run only.</summary>
    private static string FailsOnFirstRun(string marks, params IEnumerable<string> failing) =>
        $"{ThisHost}; echo run >> {marks}.$h; n=$(wc -l < {marks}.$h); case $h in {Alternatives(failing)}) [ $n -ge 2 ] || {{ echo first; exit 3; }};; esac; echo ok";

    private static string Groups(string task, string step) => $"{J}/subtask/0/{task}/{step}/groups";

    private static string Output(string task, string step, string host) => $"{J}/subtask/0/{task}/{step}/output/{host}";

    private static string Counts(JsonElement groups)
    {
        var counts = groups.GetProperty("counts");
        return string.Join(' ', new[] { "success", "fail", "running", "pending" }.Select(c => counts.GetProperty(c).GetInt32()));
    }

    private static string Alternatives(IEnumerable<string> hosts) => string.Join('|', hosts);

    private static string Sorted(IEnumerable<string> hosts) => string.Join(',', hosts.Order(StringComparer.Ordinal));
}
