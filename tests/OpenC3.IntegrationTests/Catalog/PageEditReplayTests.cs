using System.Text.Json;

namespace OpenC3.IntegrationTests.Catalog;

/// <summary>
/// Issue 12: the upstream edit pages re-post what GET answered, with the loose types AngularJS gives them
/// (numbers, booleans, nulls, empty strings). Each test replays one page's GET → POST and checks the
/// fields the page reads, with the types it needs.
/// </summary>
public sealed class PageEditReplayTests(EmbeddedProduct product) : IClassFixture<EmbeddedProduct>
{
    private const string Time = @"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$";

    /// <summary>`pages/business/job/job.controller.js` `editJob` → `job/edit.controller.js` `saveCreateData` and `saveVar`.</summary>
    [Fact]
    public async Task JobEdit_RepostsTheJobAndItsVariablesAsGetAnsweredThem()
    {
        using var app = product.App();
        var tree = NewTree();
        var created = await app.PostAsync($"{J}/jobs/{tree}", new { name = "replayed", data = new[] { Cmd("build", argv: "$version"), Scp("push"), Approval("gate") }, permanent = "permanent" });
        var uuid = created.GetProperty("uuid").GetString()!;
        var job = (await app.GetAsync($"{J}/jobs/{tree}/{uuid}")).Data();
        Assert.Matches(Time, job.GetProperty("create_time").GetString());

        // The page names each step's type from `uuids` and keeps every field of the step as it came.
        var types = job.GetProperty("uuids").GetString()!.Split(',').Select(u => u.Split('_')[0]).ToList();
        var steps = job.GetProperty("data").EnumerateArray().Select((step, i) =>
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(step.GetRawText())!;
            fields["plugin_type"] = JsonSerializer.SerializeToElement(types[i]);
            return fields;
        }).ToList();
        var edit = new
        {
            name = job.GetProperty("name").GetString(),
            mon_ids = job.GetProperty("mon_ids"),
            mon_status = job.GetProperty("mon_status").ValueKind is JsonValueKind.Number && job.GetProperty("mon_status").GetInt64() != 0,
            data = steps,
            permanent = "permanent",
        };
        Assert.True((await app.PostAsync($"{J}/jobs/{tree}/{uuid}", edit)).Data().GetBoolean());

        var variables = (await app.GetAsync($"{J}/variable/{tree}/{uuid}")).Data();
        var version = variables.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "version");
        Assert.Equal(JsonValueKind.String, version.GetProperty("value").ValueKind);
        Assert.Equal("", version.GetProperty("value").GetString());
        Assert.Matches(Time, version.GetProperty("create_time").GetString());
        Ok(await app.PostAsync($"{J}/variable/{tree}/update", new { jobuuid = uuid, data = variables }));
    }

    /// <summary>`job/plugin/scp.controller.js` posts `chown: ''` when none is given, a number timeout and a boolean `scp_delete`; `chown: null` comes from other clients.</summary>
    [Fact]
    public async Task ScpStep_TakesTheLooseTypesThePageSends_AndAnswersStrings()
    {
        using var app = product.App();
        var tree = NewTree();
        var loose = Scp("push");
        loose["chown"] = "";
        loose["chmod"] = "755";
        loose["timeout"] = 60;
        loose["scp_delete"] = true;
        var nulled = Scp("pull");
        nulled["chown"] = null;
        nulled["scp_delete"] = false;
        var created = await app.PostAsync($"{J}/jobs/{tree}", new { name = "loose", data = new[] { loose, nulled }, permanent = 1 });
        var job = (await app.GetAsync($"{J}/jobs/{tree}/{created.GetProperty("uuid").GetString()}")).Data();
        var stored = job.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(("", "60", "1"), (stored[0].GetProperty("chown").GetString(), stored[0].GetProperty("timeout").GetString(), stored[0].GetProperty("scp_delete").GetString()));
        Assert.Equal(("", "0"), (stored[1].GetProperty("chown").GetString(), stored[1].GetProperty("scp_delete").GetString()));
    }

    /// <summary>`pages/business/crontab/create.controller.js` (edit): `{name, jobuuid, cron, mutex}` from the crontab the list answered.</summary>
    [Fact]
    public async Task CrontabEdit_RepostsWhatTheDetailAnswered()
    {
        using var app = product.App();
        var tree = NewTree();
        var job = (await app.PostAsync($"{J}/jobs/{tree}", new { name = "nightly", data = new[] { Cmd("run") }, permanent = "permanent" })).GetProperty("uuid").GetString();
        var id = (await app.PostAsync($"{J}/crontab/{tree}", new { name = "night", jobuuid = job, cron = "0 2 * * *", mutex = "" })).GetProperty("id");
        var detail = (await app.GetAsync($"{J}/crontab/{tree}/{id}")).Data();
        Assert.Matches(Time, detail.GetProperty("create_time").GetString());
        var edit = new { name = detail.GetProperty("name"), jobuuid = detail.GetProperty("jobuuid"), cron = detail.GetProperty("cron"), mutex = detail.GetProperty("mutex") };
        Assert.True((await app.PostAsync($"{J}/crontab/{tree}/{id}", edit)).GetProperty("stat").GetBoolean());
    }

    /// <summary>`pages/business/nodegroup/editGroup.controller.js` splits `params` on commas: it must be text.</summary>
    [Fact]
    public async Task NodeGroupEdit_AnswersParamsAsText_AndTakesItBack()
    {
        using var app = product.App();
        var tree = NewTree();
        Assert.True((await app.PostAsync($"{J}/nodegroup/{tree}", new { name = "web", plugin = "node", @params = "10.0.0.1,10.0.0.2" })).Data().GetBoolean());
        var id = (await app.GetAsync($"{J}/nodegroup/{tree}")).Data().EnumerateArray().Single().GetProperty("id").GetInt64();
        var group = (await app.GetAsync($"{J}/nodegroup/{tree}/{id}")).Data();
        Assert.Equal("10.0.0.1,10.0.0.2", group.GetProperty("params").GetString());
        Assert.True((await app.PostAsync($"{J}/nodegroup/{tree}/{id}", new { name = group.GetProperty("name"), plugin = group.GetProperty("plugin"), @params = group.GetProperty("params") })).Data().GetBoolean());
    }

    /// <summary>`pages/business/file/token.controller.js` `addToken`: `isjob` is a boolean, `jobname` empty when off.</summary>
    [Fact]
    public async Task TokenAdd_TakesABooleanIsjob()
    {
        using var app = product.App();
        var tree = NewTree();
        var token = Guid.NewGuid().ToString("N");
        Assert.True((await app.PostAsync($"{J}/token/{tree}", new { token, describe = "ci", isjob = false, jobname = "" })).GetProperty("stat").GetBoolean());
        var row = (await app.PostAsync($"{J}/token/{tree}/info", new { })).Data().EnumerateArray().Single();
        Assert.Equal("0", row.GetProperty("isjob").GetString());
    }

    /// <summary>`pages/global/notify/notify.controller.js` `save`: every checkbox as "true"/"false", the two "check all" boxes without a name as `undefined`.</summary>
    [Fact]
    public async Task NotifySwitches_SaveEveryCheckbox_AndAnswerStrings()
    {
        using var admin = await product.AdminAsync();
        var boxes = new[] { "isPageFailEmail", "isApiSuccessSms", "isFlowFailEmail", "isMonitorSuccessCall", "isCiSuccessSms", "isMailmonSuccessEmail" }
            .ToDictionary(name => name, name => name == "isPageFailEmail" ? "true" : "false");
        boxes["undefined"] = "false";
        Assert.True((await admin.PostAsync($"{J}/environment", boxes)).GetProperty("stat").GetBoolean());
        var environment = (await admin.GetAsync($"{J}/environment")).Data();
        Assert.All(environment.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("true", environment.GetProperty("isPageFailEmail").GetString());
    }
}
