using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OpenC3.IntegrationTests.Execution;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Approvals;

/// <summary>
/// Approval steps through the API, as approvers and callers see them: jobs with an approval step and
/// a cmd step on the sshd farm, the login and no-login approval routes, and `plugin_approval`.
/// </summary>
[StartEarly]
public abstract class ApprovalTests(EmbeddedProduct product)
{
    private const string J = "/api/job";

    [Fact]
    public async Task EveryoneOff_OneAgreeLetsTheTaskGoOn_ClosesTheOtherRow_AndTheApproverGotALink()
    {
        using var app = product.App();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        var (bob, bobBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        using var bobClient = bobBrowser;
        var task = await StartJobAsync(app, new { }, Approval("gate", $"{ann},{bob}", "off"), Command("after", 0));

        var row = await PendingRowAsync(annClient);
        Assert.Equal("gate", row.Text("name"));
        Assert.Equal($"{EmbeddedProduct.AppName}@app", row.Text("submitter"));
        Assert.Equal(1, (await annClient.PostAsync($"{J}/approval", new { uuid = row.Text("uuid"), opinion = "agree" })).Data().GetInt32());
        await WaitStatusAsync(app, task, "success");

        var steps = (await app.GetAsync($"{J}/subtask/0/{task}")).Rows();
        Assert.Equal(["approval", "cmd"], steps.Select(s => s.Text("subtask_type")));
        Assert.All(steps, s => Assert.Equal("success", s.Text("status")));
        var extended = steps[0].GetProperty("extended");
        Assert.Equal(($"{ann},{bob}", "off", "please approve ${jobname}"), (extended.Text("approver"), extended.Text("everyone"), extended.Text("cont")));
        var bobRow = (await bobClient.GetAsync($"{J}/approval")).Rows().Single(r => r.Text("taskuuid") == row.Text("taskuuid"));
        Assert.Equal(("agree", $"_close_by_sys_ not.everyone {ann}"), (bobRow.Text("opinion"), bobRow.Text("remarks")));

        var log = await StepLogAsync(task, steps[0], until: "substatus");
        Assert.Contains($"Send mesg to {bob}, wait for his confirmation", log, StringComparison.Ordinal);
        Assert.Contains($"{ann}: agree", log, StringComparison.Ordinal);
        var metrics = await annClient.Http.GetStringAsync("/metrics");
        Assert.Matches(@"(?m)^openc3_approvals_decided_total\{[^}]*opinion=""agree""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"(?m)^openc3_subtasks_finished_total\{[^}]*type=""approval""[^}]*\} [1-9]", metrics);

        var link = $"{ApprovalProduct.SiteAddress}/api/job/approval/fast/{row.Text("uuid")}";
        await Eventually.WaitAsync(
            async () => (await annClient.GetAsync("/api/connector/default/mail")).Rows(),
            mails => mails.Any(m => m.Text("title") == "openc3 approval" && m.Text("content").Contains(link, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            "the approval mail with the phone page link");
    }

    [Fact]
    public async Task EveryoneOn_NeedsEveryApprover()
    {
        using var app = product.App();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        var (bob, bobBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        using var bobClient = bobBrowser;
        var task = await StartJobAsync(app, new { }, Approval("both", $"{ann},{bob}", "on"), Command("after", 1));

        await annClient.PostAsync($"{J}/approval", new { uuid = (await PendingRowAsync(annClient)).Text("uuid"), opinion = "agree" });
        var bobRow = await PendingRowAsync(bobClient);
        var batch = (await bobClient.GetAsync($"{J}/approval/{bobRow.Text("uuid")}")).Rows();
        Assert.Equal(["agree", "unconfirmed"], batch.OrderBy(r => r.Text("user") == bob).Select(r => r.Text("opinion")));
        Assert.Equal("running", (await TaskAsync(app, task)).Text("status"));

        await bobClient.PostAsync($"{J}/approval", new { uuid = bobRow.Text("uuid"), opinion = "agree" });
        await WaitStatusAsync(app, task, "success");
    }

    [Fact]
    public async Task ARefuse_EndsTheTaskRefuse_AndTheNextStepNeverRuns()
    {
        using var app = product.App();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        // The approver comes from a variable of the run.
        var task = await StartJobAsync(app, new { boss = ann }, Approval("gate", "$boss", "on"), Command("never", 2));

        await annClient.PostAsync($"{J}/approval", new { uuid = (await PendingRowAsync(annClient)).Text("uuid"), opinion = "refuse" });
        var finished = await WaitStatusAsync(app, task, "refuse");
        Assert.Equal($"refuse by user {ann}", finished.Text("reason"));
        var steps = (await app.GetAsync($"{J}/subtask/0/{task}")).Rows();
        Assert.Equal("refuse", steps[0].Text("status"));
        Assert.Equal(JsonValueKind.Null, steps[1].GetProperty("status").ValueKind);
        Assert.Contains($"refuse by user {ann}", await StepLogAsync(task, steps[0], until: "substatus"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShortTimeout_FailsTheStepAndTheTask_AndTheRowCannotBeDecidedAfterwards()
    {
        using var app = product.App();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        var task = await StartJobAsync(app, new { }, Approval("quick", ann, "off", timeout: "3"), Command("never", 3));
        var row = await PendingRowAsync(annClient);

        var finished = await WaitStatusAsync(app, task, "fail");
        Assert.Equal("approval timeout", finished.Text("reason"));
        var steps = (await app.GetAsync($"{J}/subtask/0/{task}")).Rows();
        Assert.Equal("fail", steps[0].Text("status"));
        Assert.Equal(JsonValueKind.Null, steps[1].GetProperty("status").ValueKind);
        Assert.Contains("timeout.", await StepLogAsync(task, steps[0], until: "substatus"), StringComparison.Ordinal);

        var late = await annClient.PostAsync($"{J}/approval", new { uuid = row.Text("uuid"), opinion = "agree" });
        Assert.Equal("this approval is closed", late.Info());
        Assert.Equal("unconfirmed", (await PendingRowAsync(annClient)).Text("opinion"));
    }

    [Fact]
    public async Task TheControlRoute_DecidesWithoutLogin_ADecidedRowStaysDecided_AndNoOneSeesAnotherApproversUuid()
    {
        using var app = product.App();
        using var anonymous = product.Anonymous();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        var (bob, bobBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        using var bobClient = bobBrowser;
        var task = await StartJobAsync(app, new { }, Approval("control", $"{ann},{bob}", "off"), Command("after", 4));
        var uuid = (await PendingRowAsync(annClient)).Text("uuid");

        var batch = (await anonymous.GetAsync($"{J}/approval/control/{uuid}")).Rows();
        Assert.Equal(new[] { ann, bob }.Order(StringComparer.Ordinal), batch.Select(r => r.Text("user")).Order(StringComparer.Ordinal));
        Assert.All(batch, r => Assert.False(r.TryGetProperty("uuid", out _)));
        var status = (await anonymous.GetAsync($"{J}/approval/control/status/{uuid}")).Data();
        Assert.Equal(("unconfirmed", "waiting", ann), (status.Text("opinion"), status.Text("status"), status.Text("user")));

        Assert.Equal("this approval is not yours", (await bobClient.PostAsync($"{J}/approval", new { uuid, opinion = "refuse" })).Info());
        Assert.Equal(1, (await anonymous.PostAsync($"{J}/approval/control", new { uuid, opinion = "agree" })).Data().GetInt32());
        await WaitStatusAsync(app, task, "success");

        Assert.Equal("this approval has been decided already", (await anonymous.PostAsync($"{J}/approval/control", new { uuid, opinion = "refuse" })).Info());
        Assert.Equal("agree", (await anonymous.GetAsync($"{J}/approval/control/status/{uuid}")).Data().Text("opinion"));
        var audit = await AuditAsync(product, "APPROVAL", $"APPROVER:{ann}");
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.DoesNotContain(uuid, a.Text("content"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownUuids_AreRefused_AndAnAddressThatKeepsGuessingIsShutOut()
    {
        using var app = product.App();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        var started = (await app.PostAsync($"{J}/task/0/plugin_approval", PluginApproval("guarded", ann, "off"))).Data();
        var uuid = (await PendingRowAsync(annClient)).Text("uuid");

        using var guesser = ClientFrom(IPAddress.Parse($"127.0.{Random.Shared.Next(2, 250)}.{Random.Shared.Next(2, 250)}"));
        var guesses = new Func<Task<HttpResponseMessage>>[]
        {
            () => guesser.GetAsync($"{J}/approval/control/AAAAAAAAAAAa"),
            () => guesser.GetAsync($"{J}/approval/control/status/BBBBBBBBBBBb"),
            () => guesser.PostAsync($"{J}/approval/control", JsonBody(new { uuid = "CCCCCCCCCCCc", opinion = "agree" })),
            () => guesser.GetAsync($"{J}/approval/fast/not-a-uuid"),
        };
        Assert.Equal(ApprovalProduct.GuessLimit, guesses.Length);
        foreach (var guess in guesses)
        {
            var miss = await guess();
            Assert.True(miss.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, miss.StatusCode.ToString());
        }

        var shutOut = await guesser.GetAsync($"{J}/approval/control/status/{uuid}");
        Assert.Equal(HttpStatusCode.TooManyRequests, shutOut.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.GetAsync($"{J}/approval/fast/{uuid}")).StatusCode);

        using var anonymous = product.Anonymous();
        Assert.Equal("nofind approval", (await anonymous.GetAsync($"{J}/approval/control/DDDDDDDDDDDd")).Info());
        Assert.Equal("unconfirmed", (await anonymous.GetAsync($"{J}/approval/control/status/{uuid}")).Data().Text("opinion"));
        await app.Http.DeleteAsync($"{J}/slave/any/killtask/{started.Text("uuid")}");
    }

    [Fact]
    public async Task PluginApproval_IsATaskOfOneApprovalStep_WithItsContentFromTheDefaultTemplate()
    {
        using var app = product.App();
        using var admin = await product.AdminAsync();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        Assert.True((await admin.PostAsync($"{J}/environment", new { approvalTemplatePluginContent = "job ${jobname} step ${stepname} by ${submitter} ${nosuch} ${flowname}" })).Stat());

        Assert.Equal("check format fail everyone undef", (await app.PostAsync($"{J}/task/0/plugin_approval", new { name = "p", cont = "c", approver = ann, deployenv = "always", action = "always", batches = "always" })).Info());
        Assert.StartsWith("check format fail approver format error", (await app.PostAsync($"{J}/task/0/plugin_approval", PluginApproval("p", "a b", "off"))).Info(), StringComparison.Ordinal);

        var name = $"plug{Random.Shared.Next(1000, 9999)}";
        var started = (await app.PostAsync($"{J}/task/0/plugin_approval", PluginApproval(name, ann, "off", "defaultTemplate"))).Data();
        var task = started.Text("uuid");
        var stepUuid = (await app.GetAsync($"{J}/subtask/0/{task}")).Rows().Single().Text("uuid");
        Assert.Equal(task + stepUuid + "approval", started.Text("loguuid"));
        Assert.Equal("plugin_approval", (await TaskAsync(app, task)).Text("jobtype"));

        var row = await PendingRowAsync(annClient);
        var batch = (await annClient.GetAsync($"{J}/approval/{row.Text("uuid")}")).Rows();
        Assert.Equal($"job {name} step {name} by {EmbeddedProduct.AppName}@app ${{nosuch}} undefind", Assert.Single(batch).Text("cont"));
        await annClient.PostAsync($"{J}/approval", new { uuid = row.Text("uuid"), opinion = "agree" });
        await WaitStatusAsync(app, task, "success");
        Assert.Equal("success", (await app.GetAsync($"{J}/subtask/0/{task}")).Rows().Single().Text("status"));
    }

    [Fact]
    public async Task Kill_ClosesTheBatch_AndThePhonePageSaysSo()
    {
        using var app = product.App();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        var task = await StartJobAsync(app, new { }, Approval("killed", ann, "off"), Command("never", 5));
        var uuid = (await PendingRowAsync(annClient)).Text("uuid");

        Assert.Equal("kill task succcess", (await ApiClient.ReadAsync(await app.Http.DeleteAsync($"{J}/slave/any/killtask/{task}"))).Info());
        Assert.Equal($"killed by {EmbeddedProduct.AppName}@app", (await WaitStatusAsync(app, task, "fail")).Text("reason"));
        Assert.Equal("this approval is closed", (await annClient.PostAsync($"{J}/approval", new { uuid, opinion = "agree" })).Info());
        var page = await app.Http.GetStringAsync($"{J}/approval/fast/{uuid}");
        Assert.Contains($"This approval is closed: killed by {EmbeddedProduct.AppName}@app.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePhonePage_InHeadlessChromium_ShowsTheRequestEscaped_AndAgreeLetsTheTaskGoOn()
    {
        using var app = product.App();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        // Markup in the content must show as text: were the script to run, the page title would change.
        const string cont = "Deploy <b>v2</b> & <script>document.title=1</script> go";
        var task = await StartJobAsync(app, new { }, Approval("phone", ann, "off", cont: cont), Command("after", 6));

        // The approver follows the link of their message, on their phone.
        var mail = await Eventually.WaitAsync(
            async () => (await annClient.GetAsync("/api/connector/default/mail")).Rows(),
            mails => mails.Count > 0,
            TimeSpan.FromSeconds(30),
            "the approval mail");
        var link = mail[0].Text("content").Split('\n').Single(l => l.StartsWith(ApprovalProduct.SiteAddress, StringComparison.Ordinal));
        using var phone = HeadlessBrowser.Phone();
        var driver = phone.Driver;
        driver.Navigate().GoToUrl(link.Replace(ApprovalProduct.SiteAddress, product.BaseUrl, StringComparison.Ordinal));

        Assert.Equal("phone", driver.Title);
        Assert.Equal(cont, driver.FindElement(OpenQA.Selenium.By.CssSelector("pre.cont")).Text);
        Assert.Empty(driver.FindElements(OpenQA.Selenium.By.CssSelector("pre.cont b, script")));
        var agree = driver.FindElement(OpenQA.Selenium.By.CssSelector("button[value=agree]"));
        Assert.True(agree.Size.Width >= 120, $"the agree button is {agree.Size.Width} px wide on a phone");
        agree.Click();

        await Eventually.WaitAsync(() => Task.FromResult(driver.FindElement(OpenQA.Selenium.By.TagName("body")).Text), text => text.Contains("Recorded: agree.", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the page to confirm");
        await WaitStatusAsync(app, task, "success");
        driver.Navigate().Refresh();
        Assert.Contains("Your opinion: agree", driver.FindElement(OpenQA.Selenium.By.TagName("body")).Text, StringComparison.Ordinal);
        Assert.Empty(driver.FindElements(OpenQA.Selenium.By.TagName("button")));
    }

    [Fact]
    public async Task ThePhonePagesForm_PostsTheOpinion_WithHeadersThatKeepTheLinkPrivate()
    {
        using var app = product.App();
        using var anonymous = product.Anonymous();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        var task = await StartJobAsync(app, new { }, Approval("form", ann, "off"), Command("never", 7));
        var uuid = (await PendingRowAsync(annClient)).Text("uuid");

        var shown = await anonymous.Http.GetAsync($"{J}/approval/fast/{uuid}");
        Assert.Equal("no-referrer", shown.Headers.GetValues("Referrer-Policy").Single());
        Assert.StartsWith("default-src 'none';", shown.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("value=\"refuse\"", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var posted = await anonymous.Http.PostAsync($"{J}/approval/fast/{uuid}", new FormUrlEncodedContent([new("opinion", "refuse")]));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Recorded: refuse.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await WaitStatusAsync(app, task, "refuse");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"{J}/approval/fast/ZZZZZZZZZZZz")).StatusCode);
    }

    [Fact]
    public async Task AfterAKillMinus9_AWaitingApprovalCanStillBeDecided_AndADeadlineStillFires()
    {
        using var app = product.App();
        var (ann, annBrowser) = await NamedUserAsync(product, null, 0);
        var (bob, bobBrowser) = await NamedUserAsync(product, null, 0);
        using var annClient = annBrowser;
        using var bobClient = bobBrowser;
        var job = await StartJobAsync(app, new { }, Approval("survives", ann, "off"), Command("after", 8));
        var plugin = (await app.PostAsync($"{J}/task/0/plugin_approval", PluginApproval("deadline", bob, "off", timeout: 6))).Data().Text("uuid");
        var uuid = (await PendingRowAsync(annClient)).Text("uuid");
        await PendingRowAsync(bobClient);

        await product.CrashAndRestartAsync();

        using var anonymous = product.Anonymous();
        Assert.Equal(1, (await anonymous.PostAsync($"{J}/approval/control", new { uuid, opinion = "agree" })).Data().GetInt32());
        await WaitStatusAsync(app, job, "success");
        Assert.Equal("approval timeout", (await WaitStatusAsync(app, plugin, "fail")).Text("reason"));
    }

    private static Dictionary<string, object?> Approval(string name, string approver, string everyone, string timeout = "", string cont = "please approve ${jobname}") => new()
    {
        ["plugin_type"] = "approval", ["name"] = name, ["cont"] = cont, ["approver"] = approver, ["deployenv"] = "always", ["action"] = "always",
        ["batches"] = "always", ["everyone"] = everyone, ["relaxed"] = "off", ["timeout"] = timeout,
    };

    private static object PluginApproval(string name, string approver, string everyone, string cont = "please approve", int? timeout = null) => new
    {
        name, cont, approver, deployenv = "always", action = "always", batches = "always", everyone, timeout,
    };

    /// <summary>A cmd step on one farm host of its own per test, so tests never share a host.</summary>
    private static Dictionary<string, object?> Command(string name, int host) => new()
    {
        ["plugin_type"] = "cmd", ["name"] = name, ["user"] = TestServers.SshUser, ["node_type"] = "builtin",
        ["node_cont"] = TestServers.SshHosts[30 + host], ["scripts_type"] = "shell", ["scripts_cont"] = $"echo {name}", ["timeout"] = "60",
    };

    private static async Task<string> StartJobAsync(ApiClient app, object variable, params Dictionary<string, object?>[] steps)
    {
        var saved = await app.PostAsync($"{J}/jobs/0", new { name = $"approval-{Guid.NewGuid():N}"[..20], data = steps, permanent = 1 });
        Assert.True(saved.Stat(), saved.ToString());
        var job = saved.Text("uuid");
        var started = await app.PostAsync($"{J}/task/0/job", new { jobuuid = job, variable });
        Assert.True(started.Stat(), started.ToString());
        return started.Text("uuid");
    }

    /// <summary>The approver's newest row, once the step has asked them.</summary>
    private static async Task<JsonElement> PendingRowAsync(ApiClient approver) =>
        (await Eventually.WaitAsync(
            async () => (await approver.GetAsync($"{J}/approval")).Rows(),
            rows => rows.Count > 0,
            TimeSpan.FromSeconds(30),
            "the approver's row")).First();

    private static async Task<JsonElement> TaskAsync(ApiClient app, string task) => (await app.GetAsync($"{J}/task/0/{task}")).Data();

    private static Task<JsonElement> WaitStatusAsync(ApiClient app, string task, string status) =>
        Eventually.WaitAsync(() => TaskAsync(app, task), t => t.Text("status") == status, TimeSpan.FromSeconds(90), $"task {task} to be {status}");

    private Task<string> StepLogAsync(string task, JsonElement step, string until) =>
        LiveLog.ReadAsync(product.BaseUrl, task + step.Text("uuid") + "approval", until);

    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.x address is this machine), to stand for another client address.</summary>
    private HttpClient ClientFrom(IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = new Uri(product.BaseUrl) };

    private static StringContent JsonBody(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

public sealed class SqliteApprovalTests(ApprovalProduct product) : ApprovalTests(product), IClassFixture<ApprovalProduct>;

public sealed class MariaDbApprovalTests(MariaDbApprovalProduct product) : ApprovalTests(product), IClassFixture<MariaDbApprovalProduct>;
