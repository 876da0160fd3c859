using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// Issue 12, part B: what the upstream pages send to start and steer steps, replayed against real hosts.
/// Quick command: `c3-front/src/app/pages/quickentry/cmd/cmd.controller.js` (`vm.run`), then
/// `quickentry/taskDetail.controller.js` polls `GET /task/:p/:uuid`. Decisions: the task detail pages post
/// `{taskuuid, subtaskuuid, subtasktype, control}` to `/subtask/:p`.
/// </summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class PageStepFlowsTests(ExecutionProduct product)
{
    private static readonly string Own = TestServers.SshHosts[60];
    private static readonly string Foreign = TestServers.SshHosts[61];

    [Fact]
    public async Task QuickCommand_OnANodeGroup_WithACitedScript_RunsAndAnswersWhatTheDetailDialogReads()
    {
        using var admin = await product.AdminAsync();
        var node = await NewNodeAsync(product);
        Assert.True((await admin.PostAsync($"{J}/nodelist/{node}", new { name = Own })).Stat());
        var group = await NodeGroupAsync(admin, node, "own-hosts", Own);
        var script = await ScriptAsync(admin, node, "echo cited-$1-ran");

        // The page picks a group in the machine chooser (node_type group, ids joined) and the timeout as a number.
        var reply = await admin.PostAsync($"{J}/task/{node}/plugin_cmd", QuickCommand("group", group, "cite", script));
        var data = reply.Data();
        var uuid = data.Text("uuid");
        Assert.Equal(JsonValueKind.String, data.GetProperty("slave").ValueKind);

        var task = await WaitFinishedAsync(admin, node, uuid);
        Assert.Equal("success", task.Status());
        Assert.Equal(uuid + task.Text("jobuuid") + "cmd", data.Text("loguuid"));
        // `history/job/detail/detail.controller.js` splits `slave` on commas and names the log `uuid + jobuuid + jobtype's suffix`.
        Assert.Equal(JsonValueKind.String, task.GetProperty("slave").ValueKind);
        Assert.Equal("plugin_cmd", task.Text("jobtype"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", task.Text("starttime"));
        var log = await LiveLog.ReadAsync(product.BaseUrl, data.Text("loguuid"), until: "substatus");
        Assert.Contains("cited-x-ran", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickCommand_OnAGroupHoldingAHostOffTheNode_RunsNowhere()
    {
        using var admin = await product.AdminAsync();
        var node = await NewNodeAsync(product);
        Assert.True((await admin.PostAsync($"{J}/nodelist/{node}", new { name = Own })).Stat());
        var group = await NodeGroupAsync(admin, node, "mixed", $"{Own},{Foreign}");
        var marker = $"group-guard-{Guid.NewGuid():N}";

        var data = (await admin.PostAsync($"{J}/task/{node}/plugin_cmd", QuickCommand("group", group, "shell", $"echo {marker}-out"))).Data();
        Assert.Equal("fail", (await WaitFinishedAsync(admin, node, data.Text("uuid"))).Status());
        var log = await LiveLog.ReadAsync(product.BaseUrl, data.Text("loguuid"), until: "substatus");
        Assert.Contains($"the node not on tree: {Foreign}", log, StringComparison.Ordinal);
        Assert.DoesNotContain($"{marker}-out\n", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickCommand_BadGroupsAndScripts_AreRefusedWithUpstreamsMessages()
    {
        using var admin = await product.AdminAsync();
        var node = await NewNodeAsync(product);
        var otherNode = await NewNodeAsync(product);
        var foreignGroup = await NodeGroupAsync(admin, otherNode, "elsewhere", Own);
        var foreignScript = await ScriptAsync(admin, otherNode, "id");

        Assert.Equal($"nodegroup id {foreignGroup} nofind", (await admin.PostAsync($"{J}/task/{node}/plugin_cmd", QuickCommand("group", foreignGroup, "shell", "id"))).Info());
        Assert.Equal($"scripts id {foreignScript} nofind", (await admin.PostAsync($"{J}/task/{node}/plugin_cmd", QuickCommand("builtin", Own, "cite", foreignScript))).Info());
        Assert.Equal("check format fail node_cont format error (?^:^\\d+$)", (await admin.PostAsync($"{J}/task/{node}/plugin_cmd", QuickCommand("group", "3,4", "shell", "id"))).Info());
        Assert.Equal("check format fail scripts_cont format error (?^:^\\d+$)", (await admin.PostAsync($"{J}/task/{node}/plugin_cmd", QuickCommand("builtin", Own, "cite", "echo"))).Info());
        Assert.Equal("check format fail node_type need in builtin,group", (await admin.PostAsync($"{J}/task/{node}/plugin_cmd", QuickCommand("everywhere", Own, "shell", "id"))).Info());
        Assert.Empty((await admin.GetAsync($"{J}/task/{node}")).Rows());
    }

    [Fact]
    public async Task Decision_NeedsTheStepsOwnSubtasktype()
    {
        using var admin = await product.AdminAsync();
        var node = await NewNodeAsync(product);
        Assert.True((await admin.PostAsync($"{J}/nodelist/{node}", new { name = Own })).Stat());
        await CreateJobAsync(admin, node, "decide", Cmd("fails", [Own], "exit 3"));
        var uuid = await StartByNameAsync(admin, node, "decide");
        await WaitTaskAsync(admin, node, uuid, s => s == "waiting", "to wait for a decision");
        var step = (await StepsAsync(admin, node, uuid)).Single().Text("uuid");

        Assert.Equal("check format fail subtasktype undef", (await admin.PostAsync($"{J}/subtask/{node}", new { taskuuid = uuid, subtaskuuid = step, control = "ignore" })).Info());
        Assert.Equal("no update anything:0E0", (await admin.PostAsync($"{J}/subtask/{node}", new { taskuuid = uuid, subtaskuuid = step, subtasktype = "scp", control = "ignore" })).Info());
        Assert.Equal("decision", (await StepsAsync(admin, node, uuid)).Single().Status());

        Assert.True((await admin.PostAsync($"{J}/subtask/{node}", new { taskuuid = uuid, subtaskuuid = step, subtasktype = "cmd", control = "ignore" })).Stat());
        Assert.Equal("success", (await WaitFinishedAsync(admin, node, uuid)).Status());
    }

    /// <summary>
    /// `history/job/detail/detail.controller.js`: retry (`running`) is a PUT, which upstream grants with the control
    /// point; ignore and fail are POSTs, which need write, or control when the task's job is delegated (`_authorization_`).
    /// </summary>
    [Fact]
    public async Task StepControls_NeedUpstreamsPoints()
    {
        using var admin = await product.AdminAsync();
        var node = await NewNodeAsync(product);
        Assert.True((await admin.PostAsync($"{J}/nodelist/{node}", new { name = Own })).Stat());
        await CreateJobAsync(admin, node, "plain", Cmd("fails", [Own], "exit 3"));
        var delegatedJob = await CreateJobAsync(admin, node, "delegated", Cmd("fails", [Own], "exit 3"));
        Assert.True((await admin.PostAsync($"{J}/variable/{node}/update", new { jobuuid = delegatedJob, data = new[] { new { name = "_authorization_", value = "true", describe = "" } } })).Stat());
        var plain = await StartByNameAsync(admin, node, "plain");
        var delegated = await StartByNameAsync(admin, node, "delegated");
        await WaitTaskAsync(admin, node, plain, s => s == "waiting", "to wait for a decision");
        await WaitTaskAsync(admin, node, delegated, s => s == "waiting", "to wait for a decision");
        var plainStep = (await StepsAsync(admin, node, plain)).Single().Text("uuid");
        var delegatedStep = (await StepsAsync(admin, node, delegated)).Single().Text("uuid");
        using var operatorUser = await UserAsync(product, node, level: 1);

        Assert.Equal("Unauthorized", (await operatorUser.PostAsync($"{J}/subtask/{node}", new { taskuuid = plain, subtaskuuid = plainStep, subtasktype = "cmd", control = "ignore" })).Info());
        var retry = await ApiClient.ReadAsync(await operatorUser.Http.PutAsJsonAsync($"{J}/subtask/{node}", new { taskuuid = plain, subtaskuuid = plainStep, subtasktype = "cmd", control = "running" }));
        Assert.True(retry.Stat(), retry.ToString());
        Assert.True((await operatorUser.PostAsync($"{J}/subtask/{node}", new { taskuuid = delegated, subtaskuuid = delegatedStep, subtasktype = "cmd", control = "ignore" })).Stat());
        Assert.Equal("success", (await WaitFinishedAsync(admin, node, delegated)).Status());
        await WaitTaskAsync(admin, node, plain, s => s == "waiting", "to wait again after the retry");
        Assert.Equal("decision", (await StepsAsync(admin, node, plain)).Single().Status());
    }

    /// <summary>Upstream §7.4: a run not started by JOBX is deployenv and action `nofind`, batch 0 of 0.</summary>
    [Fact]
    public async Task StepsForOtherDeployments_AreSkipped_WithTheirRowsLeftWithoutStatus()
    {
        using var admin = await product.AdminAsync();
        var node = await NewNodeAsync(product);
        Assert.True((await admin.PostAsync($"{J}/nodelist/{node}", new { name = Own })).Stat());
        var marker = $"skip-{Guid.NewGuid():N}";
        var steps = new[]
        {
            When(Cmd("test-only", [Own], $"echo {marker}-test"), "deployenv", "test"),
            When(Cmd("first-batch", [Own], $"echo {marker}-first"), "batches", "firsttime"),
            When(Cmd("not-last", [Own], $"echo {marker}-notlast"), "batches", "notthelasttime"),
            When(Scp("deploy-only", "builtin", Own, "/etc/hostname", [Own], "/tmp/never-copied"), "action", "deploy"),
            new Dictionary<string, object?>
            {
                ["plugin_type"] = "approval", ["name"] = "online-gate", ["cont"] = "please", ["approver"] = "nobody-answers", ["deployenv"] = "online",
                ["action"] = "always", ["batches"] = "always", ["everyone"] = "on", ["relaxed"] = "off",
            },
            When(When(Cmd("always", [Own], $"echo {marker}-always"), "batches", "thelasttime"), "action", "always"),
        };
        await CreateJobAsync(admin, node, "deployment", steps);
        var uuid = await StartByNameAsync(admin, node, "deployment");

        Assert.Equal("success", (await WaitFinishedAsync(admin, node, uuid)).Status());
        var rows = await StepsAsync(admin, node, uuid);
        Assert.Equal(["null", "null", "null", "null", "null", "success"], rows.Select(r => r.Status()));
        Assert.Equal(["test", "always", "always", "always", "online", "always"], rows.Select(r => r.GetProperty("extended").Text("deployenv")));
        Assert.Equal("firsttime", rows[1].GetProperty("extended").Text("batches"));
        Assert.Equal("deploy", rows[3].GetProperty("extended").Text("action"));

        var skipped = await LiveLog.ReadAsync(product.BaseUrl, uuid + rows[0].Text("uuid") + "cmd", until: "skipped");
        Assert.Contains("expect deployenv: test; real deployenv:nofind", skipped, StringComparison.Ordinal);
        var ran = await LiveLog.ReadAsync(product.BaseUrl, uuid + rows[5].Text("uuid") + "cmd", until: "substatus");
        Assert.Contains($"{marker}-always", ran, StringComparison.Ordinal);
        Assert.DoesNotContain($"{marker}-test", skipped.Replace($"echo {marker}-test", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>`quickentry/approval/approval.controller.js` posts the step's deployenv/action/batches with the approval.</summary>
    [Fact]
    public async Task QuickApproval_ForTheTestEnvironment_IsSkipped_AndTheTaskSucceeds()
    {
        using var admin = await product.AdminAsync();
        var node = await NewNodeAsync(product);
        var data = (await admin.PostAsync($"{J}/task/{node}/plugin_approval", new
        {
            name = "quick-approval", cont = "please", approver = "nobody-answers", deployenv = "test", action = "always", batches = "always", everyone = "on",
        })).Data();
        var task = await WaitFinishedAsync(admin, node, data.Text("uuid"));
        Assert.Equal("success", task.Status());
        Assert.Equal(data.Text("uuid") + task.Text("jobuuid") + "approval", data.Text("loguuid"));
        Assert.Equal("null", (await StepsAsync(admin, node, data.Text("uuid"))).Single().Status());
    }

    private static Dictionary<string, object?> QuickCommand(string nodeType, object nodeCont, string scriptsType, object scriptsCont) => new()
    {
        ["name"] = $"快速执行脚本-{DateTime.Now:yyyyMMddHHmmssfff}", ["user"] = TestServers.SshUser, ["node_type"] = nodeType,
        ["node_cont"] = Convert.ToString(nodeCont, CultureInfo.InvariantCulture), ["scripts_type"] = scriptsType,
        ["scripts_cont"] = Convert.ToString(scriptsCont, CultureInfo.InvariantCulture), ["scripts_argv"] = "x", ["timeout"] = 60,
        ["deployenv"] = "always", ["action"] = "always", ["batches"] = "always",
    };

    private static Dictionary<string, object?> When(Dictionary<string, object?> step, string field, string value)
    {
        step[field] = value;
        return step;
    }

    private static async Task<long> NodeGroupAsync(ApiClient admin, long node, string name, string hosts)
    {
        Assert.True((await admin.PostAsync($"{J}/nodegroup/{node}", new { name, plugin = "node", @params = hosts })).Data().GetBoolean());
        return (await admin.GetAsync($"{J}/nodegroup/{node}")).Rows().Single(g => g.Text("name") == name).GetProperty("id").GetInt64();
    }

    private static async Task<long> ScriptAsync(ApiClient admin, long node, string cont)
    {
        var name = $"s{Guid.NewGuid():N}"[..12];
        Assert.True((await admin.PostAsync($"{J}/scripts/{node}", new { name, type = "shell", cont })).Data().GetBoolean());
        return (await admin.GetAsync($"{J}/scripts/{node}")).Rows().Single(s => s.Text("name") == name).GetProperty("id").GetInt64();
    }
}
