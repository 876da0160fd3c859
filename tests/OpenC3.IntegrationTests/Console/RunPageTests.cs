using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Console;

/// <summary>
/// The console's run page in headless Chromium against runs on the sshd farm: retrying one result group from the
/// page, the page's size on a finished run of many hosts, and axe-core in both themes.
/// </summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class RunPageTests(ExecutionProduct product)
{
    /// <summary>The budgets at 500 hosts, scaled to the hosts of a CI run.</summary>
    private const int BudgetHosts = 500;
    private const long BudgetElements = 5_000;
    private const long BudgetHeapBytes = 100L * 1024 * 1024;

    [Fact]
    public async Task TwoOfTwentyHostsFail_RetryTheseTwoOnTheirGroup_RunsExactlyThoseTwoAgain()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Take(20).ToList();
        var bad = new[] { hosts[4], hosts[13] };
        var other = hosts[17];
        var marks = Path.Combine(Path.GetTempPath(), $"openc3-console-marks-{Guid.NewGuid():N}");
        // Each run of a host appends a mark. The two bad hosts fail on their first run only; one more host always
        // fails with another output, so it forms a group of its own that the retry must leave alone.
        var script = $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); echo run >> {marks}.$h; n=$(wc -l < {marks}.$h); " +
                     $"case $h in {bad[0]}|{bad[1]}) [ $n -ge 2 ] || {{ echo broken; exit 3; }};; {other}) echo unlucky; exit 4;; esac; echo fine";
        var task = await StartJobAsync(app, $"console-retry-{Guid.NewGuid():N}"[..24], Cmd("spread", hosts, script));
        await WaitTaskAsync(app, 0, task, s => s == "waiting", "to wait for a decision");

        using var page = await ConsolePage.SignedInAsync(product);
        page.Open($"/0/run/{task}");
        await page.WaitTextsAsync("[data-test=group][data-status=fail]", g => g.Count == 2, "two failed groups");
        var two = page.Browser.Deep("[data-test=group][data-status=fail][data-count='2']");
        Assert.All(bad, host => Assert.Contains(host, two.Text, StringComparison.Ordinal));
        Assert.Contains("broken", two.Text, StringComparison.Ordinal);
        Assert.Equal("17", page.Browser.Deep("[data-test=group][data-status=success]").GetAttribute("data-count"));
        Assert.Equal(["17 ok", "3 failed", "0 running", "0 pending"], page.Texts("[data-test^=count-]"));

        page.Browser.Deep("[data-test=group][data-status=fail][data-count='2'] [data-test=group-retry]").Click();
        // The step asks again, now for the one host that was not retried.
        await page.WaitTextsAsync("[data-test^=count-]", c => c.SequenceEqual(["19 ok", "1 failed", "0 running", "0 pending"]), "the two retried hosts to succeed");
        await page.WaitTextsAsync("[data-test=group][data-status=fail]", g => g.Count == 1 && g[0].Contains(other, StringComparison.Ordinal), "only the other failed group left");
        Assert.All(hosts, h => Assert.Equal(bad.Contains(h) ? 2 : 1, File.ReadAllLines($"{marks}.{h}").Length));

        page.Browser.Test("decide-ignore").Click();
        await page.WaitTextsAsync("[data-test=run-status]", s => s.SequenceEqual(["success"]), "the run to go on and succeed on the page");
        Assert.All(hosts, h => Assert.Equal(bad.Contains(h) ? 2 : 1, File.ReadAllLines($"{marks}.{h}").Length));
        foreach (var host in hosts)
        {
            File.Delete($"{marks}.{host}");
        }
    }

    [Fact]
    public async Task AFinishedRunWithThreeOutputs_ShowsThreeGroups_WithinTheBudgetsScaledToItsHosts()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Take(200).ToList();
        var script = "h=$(echo $SSH_CONNECTION | cut -d' ' -f3); case $(( ${h##*.} % 3 )) in 0) echo alpha;; 1) echo beta;; *) echo gamma;; esac";
        var (task, status) = await RunCommandAsync(app, string.Join(',', hosts), script);
        Assert.Equal("success", status);

        using var page = await ConsolePage.SignedInAsync(product);
        page.Open($"/0/run/{task}");
        var groups = await page.WaitTextsAsync("[data-test=group]", g => g.Count == 3, "three result groups");
        Assert.Equal(["alpha", "beta", "gamma"], groups.Select(g => new[] { "alpha", "beta", "gamma" }.Single(word => g.Contains(word, StringComparison.Ordinal))).Order());
        await page.WaitTextsAsync("[data-test=host-count]", c => c.SequenceEqual([$"{hosts.Count} of {hosts.Count} hosts"]), "every host in the table");

        // The table renders only the rows in view, whatever the number of hosts.
        Assert.InRange(page.Count("[data-test=host-row]"), 1, 60);
        page.Browser.Test("filter-fail").Click();
        await page.WaitTextsAsync("[data-test=host-count]", c => c.SequenceEqual([$"0 of {hosts.Count} hosts"]), "the failed filter to empty the table");
        Assert.Equal(0, page.Count("[data-test=host-row]"));
        Assert.EndsWith("filter=fail", page.Browser.Driver.Url, StringComparison.Ordinal);

        // The search asks the product which hosts' names or output match, and narrows groups and table to them.
        page.Browser.Test("filter-all").Click();
        page.Browser.Test("host-search").SendKeys("BETA");
        var beta = hosts.Count(h => int.Parse(h[(h.LastIndexOf('.') + 1)..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 1);
        await page.WaitTextsAsync("[data-test=host-count]", c => c.SequenceEqual([$"{beta} of {hosts.Count} hosts"]), "the search to keep the beta hosts");
        Assert.Equal(1, page.Count("[data-test=group]"));
        Assert.EndsWith("q=BETA", page.Browser.Driver.Url, StringComparison.Ordinal);

        // Sizes and offsets go through CSSOM custom properties: the console's strict CSP refuses nothing.
        Assert.DoesNotContain(page.Browser.ConsoleLog(), entry => entry.Message.Contains("Content Security Policy", StringComparison.Ordinal));

        var elements = page.Elements();
        var heap = page.HeapBytes();
        Assert.True(elements < BudgetElements * hosts.Count / BudgetHosts, $"{elements} elements for {hosts.Count} hosts");
        Assert.True(heap < BudgetHeapBytes * hosts.Count / BudgetHosts, $"{heap} bytes of JS heap for {hosts.Count} hosts");
    }

    [Fact]
    public async Task AxeCore_FindsNoViolations_OnTheRunPage_InTheLightAndTheDarkTheme()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Skip(30).Take(3).ToList();
        var script = $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); [ $h != {hosts[0]} ] || {{ printf 'no <luck> & \\033[1;31mred\\033[0m\\n'; exit 2; }}; echo fine";
        var task = await StartJobAsync(app, $"console-axe-{Guid.NewGuid():N}"[..24], Cmd("check", hosts, script));
        await WaitTaskAsync(app, 0, task, s => s == "waiting", "to wait for a decision");

        using var page = await ConsolePage.SignedInAsync(product);
        page.Open($"/0/run/{task}");
        await page.WaitTextsAsync("[data-test=group]", g => g.Count == 2, "the failed and the succeeded group");
        page.Browser.Test("group-output").Click();
        page.Browser.Test($"host-{hosts[0]}").Click();
        await page.WaitTextsAsync("[data-test=host-output-text]", t => t.Count == 1 && t[0].Contains("no <luck> &", StringComparison.Ordinal), "the failed host's output");
        page.Browser.Test("decide-retry");

        foreach (var theme in new[] { "light", "dark" })
        {
            page.Theme(theme);
            Assert.Empty(page.AccessibilityViolations());
        }

        page.Browser.Test("tab-log").Click();
        await page.WaitTextsAsync("[data-test=raw-log]", t => t.Count == 1 && t[0].Length > 0, "the run's raw log");
        page.Browser.Deep("[data-test=log-of] option:nth-child(2)").Click();
        // The log websocket sends upstream's HTML; the page shows it as text, colours and all markup gone.
        var log = await page.WaitTextsAsync("[data-test=raw-log]", t => t.Count == 1 && t[0].Contains("no <luck> & red", StringComparison.Ordinal), "the step's log as text");
        Assert.DoesNotContain("<font", log[0], StringComparison.Ordinal);
        foreach (var theme in new[] { "light", "dark" })
        {
            page.Theme(theme);
            Assert.Empty(page.AccessibilityViolations());
        }

        await app.PostAsync($"{J}/subtask/0", new { taskuuid = task, subtaskuuid = (await StepsAsync(app, 0, task))[0].Text("uuid"), subtasktype = "cmd", control = "fail" });
        await WaitFinishedAsync(app, 0, task);
    }

    [Fact]
    public async Task APausedStep_ContinuesFromThePage_AndRedoOpensTheNewRun()
    {
        using var app = product.App();
        var host = TestServers.SshHosts[35];
        var paused = Cmd("look", [host], "echo looked");
        paused["pause"] = "check the output first";
        var name = $"console-pause-{Guid.NewGuid():N}"[..24];
        var task = await StartJobAsync(app, name, paused, Cmd("then", [host], "echo then"));
        await WaitTaskAsync(app, 0, task, s => s == "waiting", "to pause");

        using var page = await ConsolePage.SignedInAsync(product);
        page.Open($"/0/run/{task}");
        page.Browser.Test("continue").Click();
        await page.WaitTextsAsync("[data-test=run-status]", s => s.SequenceEqual(["success"]), "the run to go on and succeed");
        Assert.Equal(["success", "success"], (await StepsAsync(app, 0, task)).Select(s => s.Text("status")));

        page.Browser.Test("run-redo").Click();
        var again = await Eventually.WaitAsync(
            () => Task.FromResult(page.Browser.Driver.Url), url => !url.EndsWith(task, StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the page of the new run");
        var redone = again[(again.LastIndexOf('/') + 1)..];
        Assert.Equal(name, (await WaitTaskAsync(app, 0, redone, s => s == "waiting", "to pause again")).Text("name"));
        await page.WaitTextsAsync("[data-test=continue]", c => c.Count == 1, "Continue on the new run");
        page.Browser.Test("continue").Click();
        await WaitFinishedAsync(app, 0, redone);
    }

    [Fact]
    public async Task KillFromThePage_EndsTheRun_AndAnUnknownRunSaysSo()
    {
        using var app = product.App();
        var task = await StartJobAsync(app, $"console-kill-{Guid.NewGuid():N}"[..24], Cmd("long", [TestServers.SshHosts[36]], "sleep 120"));
        await WaitTaskAsync(app, 0, task, s => s == "running", "to run");

        using var page = await ConsolePage.SignedInAsync(product);
        page.Open($"/0/run/{task}");
        page.Browser.Test("run-kill").Click();
        page.Browser.Driver.SwitchTo().Alert().Accept();
        await page.WaitTextsAsync("[data-test=run-status]", s => s.SequenceEqual(["fail"]), "the killed run to fail on the page");
        Assert.Contains("killed by open-c3", (await WaitFinishedAsync(app, 0, task)).Text("reason"), StringComparison.Ordinal);
        Assert.Equal(0, page.Count("[data-test=run-kill]"));

        page.Open("/0/run/Nosuchrun123");
        await page.WaitTextsAsync("[data-test=run-error]", e => e.SequenceEqual(["There is no run Nosuchrun123 on this node."]), "the page to say there is no such run");
    }

    [Fact]
    public async Task AReaderOfTheNode_SeesTheRun_WithoutKillRetryOrDecisions()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Skip(37).Take(2).ToList();
        var node = await HostsNodeAsync(app, hosts);
        var name = $"console-read-{Guid.NewGuid():N}"[..24];
        await CreateJobAsync(app, node, name, Cmd("half", hosts, $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); [ $h != {hosts[0]} ]"));
        var task = await StartByNameAsync(app, node, name);
        await WaitTaskAsync(app, node, task, s => s == "waiting", "to wait for a decision");
        using var reader = await UserAsync(product, node, 0);

        using var page = ConsolePage.WithSession(product, reader);
        page.Open($"/{node}/run/{task}");
        await page.WaitTextsAsync("[data-test=group]", g => g.Count == 2, "the run's two groups");
        page.Browser.Test("group-copy");
        Assert.Equal(0, page.Count("[data-test=run-kill], [data-test=group-retry], [data-test^=decide-]"));

        await app.PostAsync($"{J}/subtask/{node}", new { taskuuid = task, subtaskuuid = (await StepsAsync(app, node, task))[0].Text("uuid"), subtasktype = "cmd", control = "fail" });
        await WaitFinishedAsync(app, node, task);
    }

    [Fact]
    public async Task TheDecisionButtons_RetryFailedRunsTheFailedHostAgain_FailEndsTheRun_AndCopyHostsCopies()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Skip(40).Take(2).ToList();
        var marks = Path.Combine(Path.GetTempPath(), $"openc3-console-marks-{Guid.NewGuid():N}");
        var script = $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); echo run >> {marks}.$h; [ $h != {hosts[0]} ]";
        var task = await StartJobAsync(app, $"console-decide-{Guid.NewGuid():N}"[..24], Cmd("flaky", hosts, script));
        await WaitTaskAsync(app, 0, task, s => s == "waiting", "to wait for a decision");

        using var page = await ConsolePage.SignedInAsync(product);
        page.Open($"/0/run/{task}");
        page.Browser.Deep("[data-test=group][data-status=fail] [data-test=group-copy]").Click();
        await page.WaitTextsAsync("[data-test=groups-note]", n => n.SequenceEqual(["1 host copied"]), "the copy to be confirmed");

        page.Browser.Test("decide-retry").Click();
        await Eventually.WaitAsync(() => Task.FromResult(File.ReadAllLines($"{marks}.{hosts[0]}").Length), n => n == 2, TimeSpan.FromSeconds(60), "the failed host to run again");
        await WaitTaskAsync(app, 0, task, s => s == "waiting", "to wait for a decision again");
        page.Browser.Test("decide-fail").Click();
        await page.WaitTextsAsync("[data-test=run-status]", s => s.SequenceEqual(["fail"]), "the run to fail on the page");
        Assert.Single(File.ReadAllLines($"{marks}.{hosts[1]}"));
        Assert.Equal("stop by open-c3", (await WaitFinishedAsync(app, 0, task)).Text("reason"));
        hosts.ForEach(host => File.Delete($"{marks}.{host}"));
    }

    private static async Task<string> StartJobAsync(ApiClient app, string name, params object[] steps)
    {
        await CreateJobAsync(app, 0, name, steps);
        return await StartByNameAsync(app, 0, name);
    }
}
