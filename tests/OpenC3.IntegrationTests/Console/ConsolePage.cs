using OpenC3.TestSupport;
using OpenQA.Selenium;

namespace OpenC3.IntegrationTests.Console;

/// <summary>The product's console in a desktop Chromium: signed in by form or by a session cookie, views opened by their URLs.</summary>
public sealed class ConsolePage(EmbeddedProduct product) : IDisposable
{
    public HeadlessBrowser Browser { get; } = HeadlessBrowser.Desktop();

    public IWebDriver Driver => Browser.Driver;

    /// <summary>The console path of the page (after `/console`) with its query.</summary>
    public string Here => (string)Browser.Run("return location.pathname.slice('/console'.length) + location.search;")!;

    /// <summary>Takes over <paramref name="client"/>'s session, as if the user had signed in in this browser.</summary>
    public void UseSessionOf(ApiClient client)
    {
        Driver.Navigate().GoToUrl($"{product.BaseUrl}/healthz");
        Driver.Manage().Cookies.AddCookie(new Cookie("sid", client.SessionId!, "/"));
    }

    /// <summary>Loads the console at <paramref name="path"/> (after `/console`, e.g. `/12/history?status=fail`), as a typed URL or a bookmark.</summary>
    public void Open(string path) => Driver.Navigate().GoToUrl($"{product.BaseUrl}/console{path}");

    public IWebElement Test(string name, int seconds = 20) => Browser.Test(name, seconds);

    /// <summary>Whether an element with that data-test name is on the page now (no waiting).</summary>
    public bool Has(string name) => Browser.Run(
        """
        const find = (root) => root.querySelector(arguments[0]) ?? [...root.querySelectorAll('*')].map((el) => el.shadowRoot && find(el.shadowRoot)).find((el) => el) ?? null;
        return find(document) !== null;
        """,
        $"[data-test=\"{name}\"]") is true;

    /// <summary>Picks an option of a select as a user does: the value changes and the select fires `change`.</summary>
    public void Choose(string name, string value) => Browser.Run(
        """
        const select = arguments[0];
        if (![...select.options].some((o) => o.value === arguments[1])) throw new Error('no option ' + arguments[1]);
        select.value = arguments[1];
        select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        """,
        Test(name),
        value);

    public Task WaitAsync(Func<bool> condition, string what, int seconds = 20) =>
        Eventually.WaitAsync(() => Task.FromResult(condition()), done => done, TimeSpan.FromSeconds(seconds), what);

    public void Dispose() => Browser.Dispose();
}
