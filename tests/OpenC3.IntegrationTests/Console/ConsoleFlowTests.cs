using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Console;

/// <summary>
/// The console's pages in Chromium against the real product and the sshd farm: sign in, pick a node, run a job from
/// its dialog, approve, find a run in the history, and what a user without write or without a session sees.
/// </summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class ConsoleFlowTests(ExecutionProduct product)
{
    [Fact]
    public async Task SignIn_PickTheNode_RunAJobAskingForHostsAndAWord_ADoubleClickStartsOneRun_ThatSucceeds()
    {
        using var app = product.App();
        var (node, hosts) = await NodeWithHostsAsync(app, 120, 121);
        var job = $"console-{Guid.NewGuid():N}"[..20];
        await CreateJobAsync(app, node, job, GreetingOnHostsOfAVariable(hosts));
        var (user, signedIn) = await NamedUserAsync(product, node, 2);
        using var client = signedIn;
        using var page = ConsolePage.WithSession(product, null);

        page.Open("/approvals");
        await page.WaitAsync(() => page.Here() == "/login?next=%2Fapprovals", "the sign-in page for a browser without a session");
        page.Test("login-user").SendKeys(user);
        page.Test("login-pass").SendKeys($"password-{user}");
        page.Test("login-submit").Click();
        await page.WaitAsync(() => page.Here() == "/approvals", "the page asked for before signing in");
        page.Choose("node-picker", node.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.WaitAsync(() => page.Here() == $"/{node}/jobs", "the jobs of the picked node");
        page.Open("/");
        await page.WaitAsync(() => page.Here() == $"/{node}/jobs", "the remembered node's jobs on a fresh load");

        page.Test($"run-{job}").Click();
        await page.WaitAsync(() => page.Test("run-steps").Text.Contains("greet", StringComparison.Ordinal), "the job's step in the dialog");
        page.Test($"host-{hosts[0]}").Click();
        page.Test($"host-{hosts[1]}").Click();
        Assert.Equal(string.Join(',', hosts), page.Test("hosts-ip").GetAttribute("value"));
        page.Test("var-word").SendKeys("hello");
        // Two clicks before the page can redraw: both requests go out, with the dialog's one uuid.
        page.Browser.Run("arguments[0].click(); arguments[0].click();", page.Test("run-start"));

        await page.WaitAsync(() => page.Here().StartsWith($"/{node}/run/", StringComparison.Ordinal), "the run page of the new task");
        var uuid = page.Here()[$"/{node}/run/".Length..];
        var task = await WaitFinishedAsync(app, node, uuid);
        Assert.Equal("success", task.Status());
        Assert.Contains("hello", task.Text("variable"), StringComparison.Ordinal);
        Assert.Equal(user, task.Text("user"));
        var runs = (await app.GetAsync($"{J}/task/{node}?name={job}")).Rows();
        Assert.Equal([uuid], runs.Select(r => r.Text("uuid")));
    }

    [Fact]
    public async Task AQuickCommandThatWaitsForADecision_StopsInDecisionWhenAHostFails_InsteadOfFailingTheRun()
    {
        using var app = product.App();
        var (node, hosts) = await NodeWithHostsAsync(app, 124, 125);
        using var client = await UserAsync(product, node, 2);
        using var page = ConsolePage.WithSession(product, client);

        page.Open($"/{node}/quick");
        page.Test("quick-user").SendKeys(TestServers.SshUser);
        page.Test("quick-cont").SendKeys($"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); [ \"$h\" != {hosts[1]} ] || exit 3; echo ok");
        page.Test($"host-{hosts[0]}").Click();
        page.Test($"host-{hosts[1]}").Click();
        page.Test("quick-decide").Click();
        page.Test("quick-start").Click();

        await page.WaitAsync(() => page.Here().StartsWith($"/{node}/run/", StringComparison.Ordinal), "the run page of the command");
        var uuid = page.Here()[$"/{node}/run/".Length..];
        await WaitTaskAsync(app, node, uuid, s => s is "waiting" or "success" or "fail", "to stop");
        var step = Assert.Single(await StepsAsync(app, node, uuid));
        Assert.Equal("decision", step.Status());
        Assert.Equal("fail", (await HostsAsync(app, node, uuid, step.Text("uuid")))[hosts[1]].Status);
        var end = await app.PostAsync($"{J}/subtask/{node}", new { taskuuid = uuid, subtaskuuid = step.Text("uuid"), subtasktype = "cmd", control = "fail" });
        Assert.True(end.Stat(), end.ToString());
        Assert.Equal("fail", (await WaitFinishedAsync(app, node, uuid)).Status());
    }

    [Fact]
    public async Task AnApprovalAskedOfMe_ShowsInTheBadge_AndAgreeingOnTheApprovalsPage_LetsTheRunGoOn()
    {
        using var app = product.App();
        var (node, hosts) = await NodeWithHostsAsync(app, 122);
        var (approver, task, row) = await RunAwaitingApprovalAsync(app, node, hosts);
        using var client = approver;
        using var page = ConsolePage.WithSession(product, client);

        page.Open($"/{node}/jobs");
        Assert.Equal("1", page.Test("approvals-badge").Text);
        page.Test("nav-approvals").Click();
        page.Test($"agree-{row.Text("uuid")}").Click();

        Assert.Equal("success", (await WaitFinishedAsync(app, node, task)).Status());
        await page.WaitAsync(() => !page.Has("approvals-badge") && !page.Has($"agree-{row.Text("uuid")}"), "the badge and the buttons gone once decided");
        Assert.Equal("agree", (await client.GetAsync($"{J}/approval")).Rows().Single().Text("opinion"));
    }

    [Fact]
    public async Task TheHistory_FiltersByStatus_KeepsTheFilterInTheUrl_ThroughAReload_AndShowsNewRunsByItself()
    {
        using var app = product.App();
        var (node, hosts) = await NodeWithHostsAsync(app, 123);
        var failed = await CommandAsync(app, node, hosts, "exit 3");
        var succeeded = await CommandAsync(app, node, hosts, "echo fine");
        Assert.Equal("fail", (await WaitFinishedAsync(app, node, failed)).Status());
        Assert.Equal("success", (await WaitFinishedAsync(app, node, succeeded)).Status());
        using var client = await UserAsync(product, node, 0);
        using var page = ConsolePage.WithSession(product, client);

        page.Open($"/{node}/history");
        page.Test($"history-row-{succeeded}");
        page.Choose("history-status", "fail");
        await page.WaitAsync(() => page.Here() == $"/{node}/history?status=fail", "the status filter in the URL");
        await page.WaitAsync(() => page.Has($"history-row-{failed}") && !page.Has($"history-row-{succeeded}"), "only the failed run");
        Assert.Contains("status-fail", page.Test($"history-row-{failed}").FindElement(OpenQA.Selenium.By.CssSelector("td")).GetAttribute("class"), StringComparison.Ordinal);

        page.Browser.Driver.Navigate().Refresh();
        Assert.Equal("fail", page.Browser.Run("return arguments[0].value;", page.Test("history-status")));
        page.Test($"history-row-{failed}");
        Assert.False(page.Has($"history-row-{succeeded}"));

        var later = await CommandAsync(app, node, hosts, "exit 4");
        Assert.Equal("fail", (await WaitFinishedAsync(app, node, later)).Status());
        await page.WaitAsync(() => page.Has($"history-row-{later}"), "a new failed run, shown by the refresh without a reload");
        page.Test($"history-link-{failed}").Click();
        await page.WaitAsync(() => page.Here() == $"/{node}/run/{failed}", "the run page of the row");
    }

    [Fact]
    public async Task AReader_SeesTheJobsWithoutRunButtons_AndASessionThatEnds_BringsBackTheSignInPage()
    {
        using var app = product.App();
        var node = await NewNodeAsync(product);
        var job = $"readonly-{Guid.NewGuid():N}"[..20];
        await CreateJobAsync(app, node, job, Cmd("never"));
        using var client = await UserAsync(product, node, 0);
        using var page = ConsolePage.WithSession(product, client);

        page.Open($"/{node}/jobs");
        page.Test($"job-{job}");
        Assert.False(page.Has($"run-{job}"));

        Assert.True((await client.GetAsync("/api/connector/connectorx/ssologout")).Stat());
        page.Test("nav-history").Click();
        await page.WaitAsync(() => page.Here() == $"/login?next={Uri.EscapeDataString($"/{node}/history")}", "the sign-in page, remembering where the user was");
        page.Test("login-form");
    }

    [Fact]
    public async Task AxeCore_FindsNoViolations_OnSignIn_Jobs_TheRunDialog_QuickCommand_History_AndApprovals_InBothThemes()
    {
        using var app = product.App();
        var (node, hosts) = await NodeWithHostsAsync(app, 126);
        var job = $"axe-{Guid.NewGuid():N}"[..20];
        await CreateJobAsync(app, node, job, GreetingOnHostsOfAVariable(hosts));
        var (approver, task, row) = await RunAwaitingApprovalAsync(app, node, hosts);
        using var client = approver;
        using var page = ConsolePage.WithSession(product, client);

        page.Open("/login");
        page.Test("login-form");
        AssertAccessible(page, "sign-in");
        page.Open($"/{node}/jobs");
        page.Test($"run-{job}").Click();
        page.Test($"host-{hosts[0]}");
        AssertAccessible(page, "jobs with the run dialog");
        page.Open($"/{node}/quick");
        page.Test($"host-{hosts[0]}");
        AssertAccessible(page, "quick command");
        page.Open($"/{node}/history");
        page.Test($"history-row-{task}");
        AssertAccessible(page, "history");
        page.Open("/approvals");
        var agree = page.Test($"agree-{row.Text("uuid")}");
        AssertAccessible(page, "approvals");
        agree.Click();
        Assert.Equal("success", (await WaitFinishedAsync(app, node, task)).Status());
    }

    private static void AssertAccessible(ConsolePage page, string view)
    {
        foreach (var theme in new[] { "light", "dark" })
        {
            page.Theme(theme);
            var violations = page.AccessibilityViolations();
            Assert.True(violations.Count == 0, $"{view} in the {theme} theme: {string.Join("; ", violations)}");
        }
    }

    /// <summary>A step greeting with `$word` on the hosts the run gives in `$ip`: a job with two empty variables.</summary>
    private static Dictionary<string, object?> GreetingOnHostsOfAVariable(List<string> hosts)
    {
        var step = Cmd("greet", hosts, "echo \"said $1\"", argv: "${word}");
        step["node_type"] = "variable";
        step["node_cont"] = "$ip";
        return step;
    }

    /// <summary>
    /// A new ops user of <paramref name="node"/> (signed in) and a run of a new job that waits for that user's approval
    /// before it runs on <paramref name="hosts"/>, with the approval row once the user has it.
    /// </summary>
    private async Task<(ApiClient Approver, string Task, System.Text.Json.JsonElement Approval)> RunAwaitingApprovalAsync(ApiClient app, long node, List<string> hosts)
    {
        var (user, approver) = await NamedUserAsync(product, node, 2);
        var job = $"gated-{Guid.NewGuid():N}"[..20];
        await CreateJobAsync(app, node, job, Approval("gate", approver: user), Cmd("after", hosts, "echo after"));
        var task = await StartByNameAsync(app, node, job);
        var rows = await Eventually.WaitAsync(
            async () => (await approver.GetAsync($"{J}/approval")).Rows(),
            found => found.Count == 1,
            TimeSpan.FromSeconds(30),
            "the approval asked of the user");
        return (approver, task, rows[0]);
    }

    /// <summary>A new node with farm hosts placed on it by an admin.</summary>
    private async Task<(long Node, List<string> Hosts)> NodeWithHostsAsync(ApiClient app, params int[] indexes)
    {
        var node = await NewNodeAsync(product);
        var hosts = indexes.Select(i => TestServers.SshHosts[i]).ToList();
        foreach (var host in hosts)
        {
            Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = host })).Stat());
        }

        return (node, hosts);
    }

    private static async Task<string> CommandAsync(ApiClient app, long node, List<string> hosts, string script) =>
        (await app.PostAsync($"{J}/task/{node}/plugin_cmd", new
        {
            name = "console-history", user = TestServers.SshUser, node_type = "builtin", node_cont = string.Join(',', hosts),
            scripts_type = "shell", scripts_cont = script, timeout = 60,
        })).Data().Text("uuid");
}
