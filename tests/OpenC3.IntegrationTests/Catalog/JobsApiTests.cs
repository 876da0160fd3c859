using System.Text.Json;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Catalog;

/// <summary>`/api/job/jobs` and `/api/job/variable` over HTTP, as the web UI and scripts use them; run on both storage profiles.</summary>
public abstract class JobsApiTests(EmbeddedProduct product)
{
    [Fact]
    public async Task Jobs_ListCountDetailUpdateDelete_RoundTrip_WithEveryFilter()
    {
        using var app = product.App();
        using var admin = await product.AdminAsync();
        var tree = NewTree();
        var first = await CreateJobAsync(app, tree, "Deploy-Web", Cmd("build"), Approval("ok"));
        var second = await CreateJobAsync(admin, tree, "backup-db", Cmd("dump", argv: "$target"));
        (await app.PostAsync($"{J}/jobs/{tree}", new { name = "scratch", data = new[] { Cmd("tmp") } })).Data();

        var list = (await app.GetAsync($"{J}/jobs/{tree}")).Data().EnumerateArray().ToList();
        Assert.Equal(["backup-db", "Deploy-Web"], list.Select(j => j.GetProperty("name").GetString()));
        Assert.Equal(
            ["create_time", "create_user", "edit_time", "edit_user", "hasvariable", "id", "name", "stepcount", "uuid"],
            list[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal((second, 1, 1, "open-c3"), (list[0].GetProperty("uuid").GetString(), list[0].GetProperty("stepcount").GetInt32(), list[0].GetProperty("hasvariable").GetInt32(), list[0].GetProperty("create_user").GetString()));
        Assert.Equal((first, 2, 0, "ci@app"), (list[1].GetProperty("uuid").GetString(), list[1].GetProperty("stepcount").GetInt32(), list[1].GetProperty("hasvariable").GetInt32(), list[1].GetProperty("create_user").GetString()));
        Assert.Equal(2, (await app.GetAsync($"{J}/jobs/{tree}/count")).Data().GetProperty("permanent").GetInt32());

        var filters = new (string Query, string[] Expected)[]
        {
            ("name=deploy", ["Deploy-Web"]), ("name=-", ["backup-db", "Deploy-Web"]), ("name=nothing", []),
            ("create_user=open-c3", ["backup-db"]), ("edit_user=ci@app", ["Deploy-Web"]),
            ($"create_time_start={Today}&create_time_end={Today}", ["backup-db", "Deploy-Web"]), ($"create_time_start={Tomorrow}", []),
            ($"create_time_end={Yesterday}", []), ($"edit_time_start={Yesterday}&edit_time_end={Tomorrow}", ["backup-db", "Deploy-Web"]), ($"edit_time_end={Yesterday}", []),
        };
        foreach (var (query, expected) in filters)
        {
            Assert.Equal((query, string.Join(",", expected)), (query, string.Join(",", Names((await app.GetAsync($"{J}/jobs/{tree}?{query}")).Data()))));
        }

        Assert.Equal(first, (await JobAsync(app, tree, "byname?name=Deploy-Web")).GetProperty("uuid").GetString());
        Assert.Empty((await app.GetAsync($"{J}/jobs/{tree}/byname?name=absent")).Data().EnumerateObject());
        Assert.Empty((await app.GetAsync($"{J}/jobs/{tree}/byname")).Data().EnumerateObject());
        Assert.Empty((await app.GetAsync($"{J}/jobs/{tree}/byname?name=scratch")).Data().EnumerateObject());

        Assert.True((await admin.PostAsync($"{J}/jobs/{tree}/{first}", new { name = "deploy-web-2", mon_ids = "1,2", mon_status = 1, data = new[] { Scp("push") } })).Data().GetBoolean());
        var edited = await JobAsync(app, tree, first);
        Assert.Equal(("deploy-web-2", "1,2", 1, "open-c3", "ci@app"), (edited.GetProperty("name").GetString(), edited.GetProperty("mon_ids").GetString(), edited.GetProperty("mon_status").GetInt32(), edited.GetProperty("edit_user").GetString(), edited.GetProperty("create_user").GetString()));
        Assert.Equal(["push"], Names(edited.GetProperty("data")));
        Assert.Equal(["deploy-web-2"], Names((await app.GetAsync($"{J}/jobs/{tree}?edit_user=open-c3&name=WEB")).Data()));

        Assert.True((await admin.DeleteAsync($"{J}/jobs/{tree}/{first}", new { })).Data().GetBoolean());
        Assert.True((await admin.DeleteAsync($"{J}/jobs/{tree}/backup-db/byname", new { })).GetProperty("stat").GetBoolean());
        Assert.Empty((await app.GetAsync($"{J}/jobs/{tree}")).Data().EnumerateArray());
        Assert.Equal(0, (await app.GetAsync($"{J}/jobs/{tree}/count")).Data().GetProperty("permanent").GetInt32());
    }

    [Fact]
    public async Task Detail_AnswersEveryStepField_InOrder_WithDefaults_AndCanonicalSpellings()
    {
        using var app = product.App();
        var tree = NewTree();
        var cmd = new Dictionary<string, object?>
        {
            ["plugin_type"] = "cmd", ["name"] = "run", ["user"] = "deploy", ["node_type"] = "buildin", ["node_cont"] = "10.0.0.1,10.0.0.2",
            ["scripts_type"] = "content", ["scripts_cont"] = "#!/bin/bash\necho 'héllo 你好'", ["scripts_argv"] = "--ver ${version}", ["pause"] = "check",
        };
        var scp = new Dictionary<string, object?>
        {
            ["plugin_type"] = "scp", ["name"] = "copy", ["user"] = "root", ["src_type"] = "fileserver", ["src"] = "x", ["sp"] = "pkg.tgz",
            ["dst_type"] = "buildin", ["dst"] = "10.0.0.3", ["dp"] = "/opt/", ["chown"] = "www", ["chmod"] = "755", ["scp_delete"] = 1, ["timeout"] = 120,
            ["deployenv"] = "online", ["action"] = "deploy", ["batches"] = "firsttime",
        };
        var uuid = await CreateJobAsync(app, tree, "fields", cmd, scp, Approval("gate", approver: "$approver,bob"));

        var job = await JobAsync(app, tree, uuid);
        Assert.Equal(
            ["create_time", "create_user", "data", "edit_time", "edit_user", "id", "mon_ids", "mon_status", "name", "uuid", "uuids"],
            job.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var steps = job.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(
            string.Join(',', steps.Select((s, i) => $"{new[] { "cmd", "scp", "approval" }[i]}_{s.GetProperty("uuid").GetString()}")),
            job.GetProperty("uuids").GetString());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["uuid"] = steps[0].GetProperty("uuid").GetString()!, ["name"] = "run", ["user"] = "deploy", ["node_type"] = "builtin", ["node_cont"] = "10.0.0.1,10.0.0.2",
                ["scripts_type"] = "shell", ["scripts_cont"] = "#!/bin/bash\necho 'héllo 你好'", ["scripts_argv"] = "--ver ${version}", ["timeout"] = "60",
                ["pause"] = "check", ["deployenv"] = "always", ["action"] = "always", ["batches"] = "always",
            },
            Strings(steps[0]));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["uuid"] = steps[1].GetProperty("uuid").GetString()!, ["name"] = "copy", ["user"] = "root", ["src"] = "", ["src_type"] = "fileserver", ["sp"] = "pkg.tgz",
                ["dst"] = "10.0.0.3", ["dst_type"] = "builtin", ["dp"] = "/opt/", ["chown"] = "www", ["chmod"] = "755", ["timeout"] = "120", ["pause"] = "",
                ["scp_delete"] = "1", ["deployenv"] = "online", ["action"] = "deploy", ["batches"] = "firsttime",
            },
            Strings(steps[1]));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["uuid"] = steps[2].GetProperty("uuid").GetString()!, ["name"] = "gate", ["cont"] = "please", ["approver"] = "$approver,bob", ["deployenv"] = "always",
                ["action"] = "always", ["batches"] = "always", ["everyone"] = "on", ["timeout"] = "86400", ["pause"] = "", ["relaxed"] = "off",
            },
            Strings(steps[2]));
    }

    [Fact]
    public async Task BadInput_AnswersUpstreamsValidationMessages()
    {
        using var app = product.App();
        var tree = NewTree();
        var group = await NodeGroupIdAsync(app, tree);
        var cases = new (Task<JsonElement> Reply, string Info)[]
        {
            (app.GetAsync($"{J}/jobs/{tree}?create_time_start=2026/01/01"), @"check format fail create_time_start format error (?^:^\d{4}\-\d{2}\-\d{2}$)"),
            (app.GetAsync($"{J}/jobs/{tree}?edit_time_end=yesterday"), @"check format fail edit_time_end format error (?^:^\d{4}\-\d{2}\-\d{2}$)"),
            (app.GetAsync($"{J}/jobs/{tree}?name=o'brien"), "check format fail name format error"),
            (app.GetAsync($"{J}/jobs/x1/count"), @"check format fail treeid format error (?^:^\d+$)"),
            (app.GetAsync($"{J}/jobs/{tree}/not-a-uuid"), "check format fail jobuuid format error (?^:^[a-zA-Z0-9]+$)"),
            (app.PostAsync($"{J}/jobs/{tree}", new { data = new[] { Cmd("a") } }), "check format fail name undef"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "it's", data = new[] { Cmd("a") } }), "check format fail name format error"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", mon_ids = "1;2", data = new[] { Cmd("a") } }), @"check format fail mon_ids format error (?^:^[a-zA-Z0-9_\,\.\/]*$)"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j" }), "data undef"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = Array.Empty<object>() }), "data not a array"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new object[] { Cmd("a"), With(Cmd("b"), "plugin_type", "ssh") } }), "step 2: check format fail plugin_type need in cmd,scp,approval"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new[] { With(Cmd("a"), "node_type", "hosts") } }), "step 1: check format fail node_type need in builtin,group,variable"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new[] { With(Cmd("a"), "scripts_type", "bash") } }), "step 1: check format fail scripts_type need in cite,shell,perl,python,php,buildin,auto"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new[] { With(With(Cmd("a"), "node_type", "group"), "node_cont", "999999") } }), "step 1: nodegroup id 999999 nofind"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new[] { With(With(Cmd("a"), "scripts_type", "cite"), "scripts_cont", "999999") } }), "step 1: scripts id 999999 nofind"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new object[] { Cmd("a"), Cmd("b"), With(Scp("c"), "dst_type", "fileserver") } }), "step 3: check format fail dst_type need in builtin,group,variable"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new[] { With(Scp("c"), "chmod", "rwx") } }), @"step 1: check format fail chmod format error (?^:^\d+$)"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new[] { With(Approval("a"), "everyone", "some") } }), "step 1: check format fail everyone need in on,off"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new[] { With(Approval("a"), "relaxed", "maybe") } }), "step 1: check format fail relaxed need in on,off,nervous"),
            (app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new[] { With(Approval("a"), "batches", "never") } }), "step 1: check format fail batches need in firsttime,thelasttime,notfirsttime,notthelasttime,always"),
            (app.PostAsync($"{J}/jobs/{tree}/copy/byname", new { fromname = "x" }), "check format fail toname undef"),
        };
        foreach (var (reply, info) in cases)
        {
            Assert.Equal(info, Refusal(await reply));
        }

        // A node group of this node satisfies the same step that failed above; one of another node does not.
        (await app.PostAsync($"{J}/jobs/{tree}", new { name = "grouped", permanent = 1, data = new[] { With(With(Cmd("a"), "node_type", "group"), "node_cont", group) } })).Data();
        Assert.Equal($"step 1: nodegroup id {group} nofind", Refusal(await app.PostAsync($"{J}/jobs/{NewTree()}", new { name = "j", data = new[] { With(With(Cmd("a"), "node_type", "group"), "node_cont", group) } })));
        Assert.Empty((await app.GetAsync($"{J}/jobs/{tree}?name=j")).Data().EnumerateArray());
    }

    /// <summary>Issue 15: a NUL in a name and a `variable` that is not a map were accepted; both are refused before anything is written.</summary>
    [Fact]
    public async Task NulInNames_AndAVariableThatIsNotAMap_AreRefused_BeforeAnythingIsWritten()
    {
        using var app = product.App();
        var tree = NewTree();
        Assert.Equal("check format fail name format error", Refusal(await app.PostAsync($"{J}/jobs/{tree}", new { name = "evil\0job", data = new[] { Cmd("a") } })));
        Assert.Equal("step 1: check format fail name format error", Refusal(await app.PostAsync($"{J}/jobs/{tree}", new { name = "j", data = new[] { Cmd("a\0b") } })));
        Assert.Empty((await app.GetAsync($"{J}/jobs/{tree}")).Data().EnumerateArray());

        var job = await CreateJobAsync(app, tree, "runnable", Cmd("a"));
        var starts = new (string Route, object Body)[]
        {
            ($"{J}/task/{tree}/job", new { jobuuid = job, variable = "ip=1" }),
            ($"{J}/task/{tree}/job/byname", new { jobname = "runnable", variable = "ip=1" }),
            ($"{J}/task/{tree}/plugin_cmd", new { name = "x", user = "root", node_type = "builtin", node_cont = "10.0.0.1", scripts_type = "shell", scripts_cont = "id", variable = new[] { "ip=1" } }),
        };
        foreach (var (route, body) in starts)
        {
            Assert.Equal((route, "check format fail variable format error"), (route, Refusal(await app.PostAsync(route, body))));
        }

        Assert.Empty((await app.GetAsync($"{J}/task/{tree}")).Data().EnumerateArray());
    }

    [Fact]
    public async Task Variables_AreExtractedOnCreate_AndFollowTheStepsOnUpdate()
    {
        using var app = product.App();
        var tree = NewTree();
        var steps = new object[]
        {
            With(Cmd("hosts", nodeCont: "$ip", argv: "--v ${version} --only-test $testflag", deployenv: "test"), "node_type", "variable"),
            With(With(Scp("push", dst: "$dst", dp: "/srv/${app_dir}/"), "deployenv", "online"), "dst_type", "variable"),
            Approval("gate", approver: "$approver,$version"),
        };
        var uuid = await CreateJobAsync(app, tree, "vars", steps);
        var variables = await VariablesAsync(app, tree, uuid);
        Assert.Equal(["app_dir", "approver", "dst", "ip", "testflag", "version"], variables.Keys.Order(StringComparer.Ordinal));
        Assert.All(variables.Values, v => Assert.Equal("", v.GetProperty("value").GetString()));
        Assert.Equal(
            ["create_time", "create_user", "describe", "id", "name", "option", "value"],
            variables["ip"].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("2.OA审批人 或 领导审批人", variables["approver"].GetProperty("describe").GetString());

        // Tagged by environment: `ip` and `testflag` only by a test step, `dst` and `app_dir` only by an online one.
        Assert.Equal(["approver", "ip", "testflag", "version"], (await VariablesAsync(app, tree, uuid, "?env=test")).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["app_dir", "approver", "dst", "version"], (await VariablesAsync(app, tree, uuid, "?env=online")).Keys.Order(StringComparer.Ordinal));

        Ok(await app.PostAsync($"{J}/variable/{tree}/update", new { jobuuid = uuid, data = new[] { new { name = "version", value = "1.2.3", describe = "release" } } }));
        Assert.Equal(1, (await app.GetAsync($"{J}/jobs/{tree}")).Data().EnumerateArray().Single().GetProperty("hasvariable").GetInt32());

        // The edit drops `ip`, `testflag`, `dst`, `app_dir`, adds `target`, and keeps `version` with its value.
        Assert.True((await app.PostAsync($"{J}/jobs/{tree}/{uuid}", new { name = "vars", data = new object[] { Cmd("run", argv: "$version $target"), Approval("gate", approver: "$approver") } })).Data().GetBoolean());
        variables = await VariablesAsync(app, tree, uuid);
        Assert.Equal(["approver", "target", "version"], variables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("1.2.3", "release"), (variables["version"].GetProperty("value").GetString(), variables["version"].GetProperty("describe").GetString()));
        Assert.Equal(["approver", "target"], (await VariablesAsync(app, tree, uuid, "?empty=1")).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["target"], (await VariablesAsync(app, tree, uuid, "?empty=1&exclude=approver,nothing")).Keys);

        Ok(await app.PostAsync($"{J}/variable/{tree}/update", new { jobuuid = uuid, data = new[] { new { name = "approver", value = "bob", describe = "" }, new { name = "target", value = "prod", describe = "" } } }));
        Assert.Equal(0, (await app.GetAsync($"{J}/jobs/{tree}")).Data().EnumerateArray().Single().GetProperty("hasvariable").GetInt32());
    }

    [Fact]
    public async Task DelegationCheck_AnswersOne_WhenAuthorizationIsTrueOrNamesTheGroup()
    {
        using var app = product.App();
        var tree = NewTree();
        var uuid = await CreateJobAsync(app, tree, "deploy", Cmd("run", argv: "$version"));
        var check = (string group, string job) => app.GetAsync($"{J}/task/{tree}/authorization/{group}/{job}");

        Assert.Equal(0, (await check("dev", "deploy")).Data().GetInt32());
        Ok(await app.PostAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "_authorization_", value = "dev", describe = "" }));
        Assert.Equal(1, (await check("dev", "deploy")).Data().GetInt32());
        Assert.Equal(0, (await check("ops", "deploy")).Data().GetInt32());
        Ok(await app.PostAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "_authorization_", value = "true", describe = "" }));
        Assert.Equal(1, (await check("ops", "deploy")).Data().GetInt32());
        Assert.Equal(0, (await check("ops", "nosuchjob")).Data().GetInt32());
    }

    [Fact]
    public async Task Variables_SetBulkUpdateAndDelete_AsUpstream()
    {
        using var app = product.App();
        var tree = NewTree();
        var uuid = await CreateJobAsync(app, tree, "knobs", Cmd("run", argv: "$version"));

        Assert.Equal(1, (await app.PostAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "extra", value = "a.b/c-1", describe = "added", option = "a,b" })).Data().GetInt32());
        Assert.Equal(2, (await app.PostAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "extra", value = "v2", describe = "replaced" })).Data().GetInt32());
        Assert.Equal("no update anything:0E0", Refusal(await app.PostAsync($"{J}/variable/{NewTree()}", new { jobuuid = uuid, name = "extra", describe = "x" })));
        Assert.Equal(@"check format fail name format error (?^:^[a-zA-Z0-9_]+$)", Refusal(await app.PostAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "a-b", describe = "x" })));
        Assert.Equal(@"check format fail value format error (?^:^[a-zA-Z0-9_\.\/\-,@]*$)", Refusal(await app.PostAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "ab", value = "a b", describe = "x" })));
        Assert.Equal("check format fail describe undef", Refusal(await app.PostAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "ab" })));

        var bulk = new object[]
        {
            new { name = "_exit_", value = "1", describe = "stop on failure" },
            new { name = "wk_path", value = "/opt", describe = "" },
            new { name = "version", value = "9", describe = "", option = "8;9" },
            new { name = "unknown", value = "x", describe = "" },
        };
        Assert.True((await app.PostAsync($"{J}/variable/{tree}/update", new { jobuuid = uuid, data = bulk })).GetProperty("stat").GetBoolean());
        var variables = await VariablesAsync(app, tree, uuid);
        Assert.Equal(["_exit_", "extra", "version", "wk_path"], variables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("9", "8;9"), (variables["version"].GetProperty("value").GetString(), variables["version"].GetProperty("option").GetString()));
        Assert.Equal("replaced", variables["extra"].GetProperty("describe").GetString());

        Assert.Equal("check data format fail describe undef", Refusal(await app.PostAsync($"{J}/variable/{tree}/update", new { jobuuid = uuid, data = new[] { new { name = "_pip_", value = "1" } } })));
        Assert.Equal("no data in ARRAY", Refusal(await app.PostAsync($"{J}/variable/{tree}/update", new { jobuuid = uuid, data = "x" })));
        Assert.Equal("no uuid from project", Refusal(await app.PostAsync($"{J}/variable/{NewTree()}/update", new { jobuuid = uuid, data = bulk })));
        Assert.Equal("check format fail env need in test,online", Refusal(await app.GetAsync($"{J}/variable/{tree}/{uuid}?env=prod")));
        Assert.Empty((await app.GetAsync($"{J}/variable/{NewTree()}/{uuid}")).Data().EnumerateArray());

        Assert.True((await app.DeleteAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "extra" })).Data().GetBoolean());
        Refusal(await app.DeleteAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "extra" }));
        Assert.DoesNotContain("extra", (await VariablesAsync(app, tree, uuid)).Keys);
    }

    [Fact]
    public async Task StepsReplacedByAnEdit_StayResolvable_ForRunningTasks()
    {
        using var app = product.App();
        var tree = NewTree();
        var uuid = await CreateJobAsync(app, tree, "snap", Cmd("v1", argv: "--old"), Approval("gate"));
        var before = (await JobAsync(app, tree, uuid)).GetProperty("data").EnumerateArray().Select(s => s.GetProperty("uuid").GetString()!).ToList();

        (await app.PostAsync($"{J}/jobs/{tree}/{uuid}", new { name = "snap", data = new[] { Cmd("v2", argv: "--new") } })).Data();
        var after = await JobAsync(app, tree, uuid);
        var current = after.GetProperty("data").EnumerateArray().Single();
        Assert.Equal(("v2", "--new"), (current.GetProperty("name").GetString(), current.GetProperty("scripts_argv").GetString()));
        Assert.DoesNotContain(current.GetProperty("uuid").GetString(), before);
        Assert.Equal($"cmd_{current.GetProperty("uuid").GetString()}", after.GetProperty("uuids").GetString());

        await using var client = await OrleansTestClient.ConnectAsync(product.Settings);
        var jobs = client.Grains.GetGrain<IJobsGrain>(0);
        var oldCmd = Assert.IsType<CmdStep>(await jobs.Step("cmd", before[0]));
        Assert.Equal(("v1", "--old", "echo hi"), (oldCmd.Name, oldCmd.ScriptsArgv, oldCmd.ScriptsCont));
        Assert.Equal("gate", Assert.IsType<ApprovalStep>(await jobs.Step("approval", before[1])).Name);
        Assert.Null(await jobs.Step("cmd", before[1]));
        Assert.Null(await jobs.Step("sql", before[0]));
    }

    [Fact]
    public async Task SoftDelete_FreesTheName_AndDuplicatesAreRefused()
    {
        using var app = product.App();
        var tree = NewTree();
        var first = await CreateJobAsync(app, tree, "reuse", Cmd("a"));
        Assert.Equal("a job named reuse already exists", Refusal(await app.PostAsync($"{J}/jobs/{tree}", new { name = "reuse", permanent = 1, data = new[] { Cmd("a") } })));
        var other = await CreateJobAsync(app, tree, "other", Cmd("a"));
        Assert.Equal("a job named reuse already exists", Refusal(await app.PostAsync($"{J}/jobs/{tree}/{other}", new { name = "reuse", data = new[] { Cmd("a") } })));

        (await app.DeleteAsync($"{J}/jobs/{tree}/{first}", new { })).Data();
        var second = await CreateJobAsync(app, tree, "reuse", Cmd("b"));
        Assert.NotEqual(first, second);
        Assert.True((await app.DeleteAsync($"{J}/jobs/{tree}/reuse/byname", new { })).GetProperty("stat").GetBoolean());
        var third = await CreateJobAsync(app, tree, "reuse", Cmd("c"));
        Assert.Equal(["reuse", "other"], Names((await app.GetAsync($"{J}/jobs/{tree}")).Data()));
        Assert.Equal(third, (await JobAsync(app, tree, "byname?name=reuse")).GetProperty("uuid").GetString());
        Refusal(await app.GetAsync($"{J}/jobs/{tree}/{first}"));

        using var admin = await product.AdminAsync();
        var audit = (await admin.GetAsync($"/api/connector/connectorx/auditlog?content=TREEID:{tree} NAME:reuse")).Data().EnumerateArray().Select(r => r.GetProperty("title").GetString()).ToList();
        // Three creates and the refused duplicate (audited before the name was found taken, as upstream).
        Assert.Equal(4, audit.Count(t => t == "CREATE JOB"));
        Assert.Equal(2, audit.Count(t => t == "DELETE JOB"));
    }

    [Fact]
    public async Task UnknownJobUuid_IsAClearStatFalse_NeverA500()
    {
        using var app = product.App();
        var tree = NewTree();
        var response = await app.Http.GetAsync($"{J}/jobs/{tree}/AAAAAAAAAAAa");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("AAAAAAAAAAAa not found", Refusal(await ApiClient.ReadAsync(response)), StringComparison.Ordinal);
        Assert.Contains("not found", Refusal(await app.PostAsync($"{J}/jobs/{tree}/AAAAAAAAAAAa", new { name = "x", data = new[] { Cmd("a") } })), StringComparison.Ordinal);
        Assert.Contains("not found", Refusal(await app.DeleteAsync($"{J}/jobs/{tree}/AAAAAAAAAAAa", new { })), StringComparison.Ordinal);

        // A job of another node is unknown here too.
        var elsewhere = await CreateJobAsync(app, NewTree(), "elsewhere", Cmd("a"));
        Assert.Contains("not found", Refusal(await app.GetAsync($"{J}/jobs/{tree}/{elsewhere}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyByName_CopiesStepsAndVariables_AcrossNodes()
    {
        using var app = product.App();
        var source = NewTree();
        var target = NewTree();
        var original = await CreateJobAsync(app, source, "template", Cmd("run", argv: "$version"), Approval("gate"));
        Ok(await app.PostAsync($"{J}/variable/{source}/update", new { jobuuid = original, data = new[] { new { name = "version", value = "7", describe = "v" } } }));

        var copied = await app.PostAsync($"{J}/jobs/{target}/copy/byname", new { fromprojectid = source, fromname = "template", toname = "instance" });
        Assert.True(copied.GetProperty("stat").GetBoolean(), copied.ToString());
        var uuid = copied.GetProperty("uuid").GetString()!;
        Assert.NotEqual(original, uuid);

        var from = await JobAsync(app, source, original);
        var to = await JobAsync(app, target, uuid);
        Assert.Equal(["run", "gate"], Names(to.GetProperty("data")));
        Assert.Empty(from.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("uuid").GetString())
            .Intersect(to.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("uuid").GetString())));
        Assert.Equal("7", (await VariablesAsync(app, target, uuid))["version"].GetProperty("value").GetString());

        Assert.Equal("The source does not exist", (await app.PostAsync($"{J}/jobs/{target}/copy/byname", new { fromname = "missing", toname = "x" })).GetProperty("info").GetString());
        Assert.Equal("a job named instance already exists", Refusal(await app.PostAsync($"{J}/jobs/{source}/copy/byname", new { fromname = "template", toname = "instance", toprojectid = target })));
        var sameNode = await app.PostAsync($"{J}/jobs/{source}/copy/byname", new { fromname = "template", toname = "template-2" });
        Assert.Equal(["template-2", "template"], Names((await app.GetAsync($"{J}/jobs/{source}")).Data()));
        Assert.Equal(sameNode.GetProperty("uuid").GetString(), (await JobAsync(app, source, "byname?name=template-2")).GetProperty("uuid").GetString());
    }

    [Fact]
    public async Task UserWithoutThePoint_IsUnauthorized()
    {
        var (tree, reader) = await UserWithLevelAsync(product, 0);
        using (reader)
        {
            using var app = product.App();
            var uuid = await CreateJobAsync(app, tree, "guarded", Cmd("a", argv: "$ver"));

            Assert.Equal(["guarded"], Names((await reader.GetAsync($"{J}/jobs/{tree}")).Data()));
            Assert.Equal("guarded", (await JobAsync(reader, tree, uuid)).GetProperty("name").GetString());
            Assert.Single(await VariablesAsync(reader, tree, uuid));
            foreach (var reply in new[]
            {
                await reader.PostAsync($"{J}/jobs/{tree}", new { name = "mine", data = new[] { Cmd("a") } }),
                await reader.PostAsync($"{J}/jobs/{tree}/{uuid}", new { name = "guarded", data = new[] { Cmd("b") } }),
                await reader.DeleteAsync($"{J}/jobs/{tree}/{uuid}", new { }),
                await reader.DeleteAsync($"{J}/jobs/{tree}/guarded/byname", new { }),
                await reader.PostAsync($"{J}/jobs/{tree}/copy/byname", new { fromname = "guarded", toname = "copy" }),
                await reader.PostAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "ver", value = "1", describe = "" }),
                await reader.PostAsync($"{J}/variable/{tree}/update", new { jobuuid = uuid, data = Array.Empty<object>() }),
                await reader.DeleteAsync($"{J}/variable/{tree}", new { jobuuid = uuid, name = "ver" }),
                await reader.GetAsync($"{J}/jobs/{NewTree()}"),
                await reader.GetAsync($"{J}/variable/{NewTree()}/{uuid}"),
            })
            {
                Assert.Equal("Unauthorized", Refusal(reply));
            }

            Assert.Equal(["guarded"], Names((await app.GetAsync($"{J}/jobs/{tree}")).Data()));
        }

        var (writable, writer) = await UserWithLevelAsync(product, 2);
        using (writer)
        {
            // Writing on its own node does not let a user copy from a node it cannot read.
            var foreign = NewTree();
            using var app = product.App();
            await CreateJobAsync(app, foreign, "secret", Cmd("a"));
            Assert.Equal("Unauthorized", Refusal(await writer.PostAsync($"{J}/jobs/{writable}/copy/byname", new { fromprojectid = foreign, fromname = "secret", toname = "leak" })));
            Assert.True((await writer.PostAsync($"{J}/jobs/{writable}", new { name = "own", permanent = 1, data = new[] { Cmd("a") } })).GetProperty("stat").GetBoolean());
        }
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> step, string key, object? value) => new(step) { [key] = value };

    private static Dictionary<string, string> Strings(JsonElement step) => step.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static async Task<string> NodeGroupIdAsync(ApiClient app, long tree)
    {
        (await app.PostAsync($"{J}/nodegroup/{tree}", new { name = "web", plugin = "node", @params = "10.0.0.1" })).Data();
        return (await app.GetAsync($"{J}/nodegroup/{tree}")).Data().EnumerateArray().Single().GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

[Collection(SharedProducts.SqliteApi)]
public sealed class SqliteJobsApiTests(EmbeddedProduct product) : JobsApiTests(product);

[Collection(SharedProducts.MariaDbApi)]
public sealed class MariaDbJobsApiTests(MariaDbEmbeddedProduct product) : JobsApiTests(product);
