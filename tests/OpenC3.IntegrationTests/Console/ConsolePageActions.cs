using OpenC3.TestSupport;
using OpenQA.Selenium;

namespace OpenC3.IntegrationTests.Console;

/// <summary>What the sign-in, jobs, quick command, history and approvals tests do on a <see cref="ConsolePage"/> besides reading it.</summary>
public static class ConsolePageActions
{
    /// <summary>The console path of the page (after `/console`) with its query.</summary>
    public static string Here(this ConsolePage page) => (string)page.Browser.Run("return location.pathname.slice('/console'.length) + location.search;")!;

    public static IWebElement Test(this ConsolePage page, string name, int seconds = 20) => page.Browser.Test(name, seconds);

    /// <summary>Whether an element with that data-test name is on the page now (no waiting).</summary>
    public static bool Has(this ConsolePage page, string name) => page.Count($"[data-test=\"{name}\"]") > 0;

    /// <summary>Picks an option of a select as a user does: the value changes and the select fires `change`.</summary>
    public static void Choose(this ConsolePage page, string name, string value) => page.Browser.Run(
        """
        const select = arguments[0];
        if (![...select.options].some((o) => o.value === arguments[1])) throw new Error('no option ' + arguments[1]);
        select.value = arguments[1];
        select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        """,
        page.Test(name),
        value);

    public static Task WaitAsync(this ConsolePage page, Func<bool> condition, string what, int seconds = 20) =>
        Eventually.WaitAsync(() => Task.FromResult(condition()), done => done, TimeSpan.FromSeconds(seconds), what);
}
