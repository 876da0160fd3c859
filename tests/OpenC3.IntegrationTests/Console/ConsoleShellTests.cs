using OpenC3.TestSupport;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace OpenC3.IntegrationTests.Console;

/// <summary>
/// The frame around the console's views in Chromium against the real product: the tree-node picker for an admin, a
/// user granted one node and a user granted none, the keyboard shortcuts with their help, and the page's icon.
/// </summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class ConsoleShellTests(ExecutionProduct product)
{
    [Fact]
    public async Task TheNodePicker_LeadsAnAdminToRoot_NamesNodesByTheirDottedPath_ShowsAUserOnlyTheirNodes_AndTellsAUserWithoutOneWhy()
    {
        var (parentName, childName) = ($"p{Guid.NewGuid():N}"[..12], $"c{Guid.NewGuid():N}"[..12]);
        long parent, child;
        using (var admin = await product.AdminAsync())
        {
            parent = (await admin.PostAsync("/api/connector/default/tree", new { name = parentName })).Data().GetInt64();
            child = (await admin.PostAsync($"/api/connector/default/tree/{parent}", new { name = childName })).Data().GetInt64();
        }

        using (var page = await ConsolePage.SignedInAsync(product))
        {
            page.Open("/");
            await page.WaitAsync(() => page.Here() == "/0/jobs", "an admin's first visit on node 0, upstream's root");
            var options = await page.WaitTextsAsync("[data-test=node-picker] option", o => o.Contains($"{parentName}.{childName} ({child})"), "the child named by its path");
            Assert.Equal("ROOT (0)", options[0]);
            Assert.Contains($"{parentName} ({parent})", options);
        }

        using (var user = await UserAsync(product, child, 0))
        using (var page = ConsolePage.WithSession(product, user))
        {
            page.Open("/");
            // The parent is listed to reach the child, as upstream's tree does, but the user may read jobs only on the child.
            await page.WaitAsync(() => page.Here() == $"/{child}/jobs", "the first node where the user may read jobs");
            Assert.Equal([$"{parentName} ({parent})", $"{parentName}.{childName} ({child})"], page.Texts("[data-test=node-picker] option"));
        }

        using (var nobody = await UserAsync(product, null, 0))
        using (var page = ConsolePage.WithSession(product, nobody))
        {
            page.Open("/");
            Assert.Contains("ask an administrator", page.Test("no-node").Text, StringComparison.Ordinal);
            Assert.False(page.Has("node-picker"));
            Assert.False(page.Has("nav-jobs"));
            Assert.Equal("/", page.Here());
        }
    }

    [Fact]
    public async Task QuestionMark_ListsTheShortcuts_EscClosesTheList_GThenH_OpensTheHistory_AndFCyclesTheRunPagesFilter()
    {
        using var page = await ConsolePage.SignedInAsync(product);
        page.Open("/0/jobs");
        page.Test("nav-history");
        var dialog = page.Test("shortcut-help");
        var keys = new Actions(page.Browser.Driver);

        keys.SendKeys("?").Perform();
        await page.WaitAsync(() => Open(page, dialog), "the shortcut list open");
        var rows = page.Texts("[data-test=shortcut]");
        Assert.Contains(rows, row => row.StartsWith("g then h", StringComparison.Ordinal) && row.EndsWith("History", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.StartsWith('?'));
        Assert.Empty(page.AccessibilityViolations());
        keys.SendKeys(Keys.Escape).Perform();
        await page.WaitAsync(() => !Open(page, dialog), "Esc to close the list");

        keys.SendKeys("g").SendKeys("h").Perform();
        await page.WaitAsync(() => page.Here() == "/0/history", "g then h to open the history");

        using var app = product.App();
        var (task, status) = await RunCommandAsync(app, TestServers.SshHosts[127], "echo hi");
        Assert.Equal("success", status);
        page.Open($"/0/run/{task}");
        page.Test("filter-all");
        keys.SendKeys("f").Perform();
        await page.WaitAsync(() => page.Here() == $"/0/run/{task}?filter=success", "f to show the hosts that succeeded");
        Assert.Equal("true", page.Test("filter-success").GetAttribute("aria-pressed"));
        keys.SendKeys("f").Perform();
        await page.WaitAsync(() => page.Here() == $"/0/run/{task}?filter=fail", "f again to show the failed ones");
    }

    [Fact]
    public async Task EveryConsolePage_BringsItsOwnIcon_SoTheBrowserDoesNotAskForAMissingFaviconIco()
    {
        using var page = ConsolePage.WithSession(product, null);
        page.Open("/login");
        page.Test("login-form");
        // The browser asks for /favicon.ico after the page's load when the page names no icon; give it that moment.
        await page.WaitAsync(() => (string)page.Browser.Run("return document.readyState;")! == "complete", "the page loaded");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(page.Browser.ConsoleLog(), entry => entry.Message.Contains("favicon", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("data:image/svg+xml,", (string)page.Browser.Run("return document.querySelector('link[rel=icon]')?.href ?? '';")!, StringComparison.Ordinal);
    }

    private static bool Open(ConsolePage page, IWebElement dialog) => page.Browser.Run("return arguments[0].open;", dialog) is true;
}
