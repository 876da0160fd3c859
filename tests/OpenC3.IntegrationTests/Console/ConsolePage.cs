using System.Text.Json;
using OpenC3.TestSupport;
using OpenQA.Selenium;

namespace OpenC3.IntegrationTests.Console;

/// <summary>
/// The product's console in headless Chromium, signed in (as the admin unless told otherwise): opening a view by its URL, reading across the
/// lit views' shadow roots, the page's size (elements, JS heap), and axe-core's accessibility check.
/// </summary>
public sealed class ConsolePage : IDisposable
{
    // Every element of the document and of every open shadow root beneath it.
    private const string AllElements = """
        const all = (root, out) => {
          for (const el of root.querySelectorAll('*')) { out.push(el); if (el.shadowRoot) all(el.shadowRoot, out); }
          return out;
        };
        """;

    private readonly string baseUrl;

    private ConsolePage(HeadlessBrowser browser, string baseUrl)
    {
        Browser = browser;
        this.baseUrl = baseUrl;
    }

    public HeadlessBrowser Browser { get; }

    public static async Task<ConsolePage> SignedInAsync(EmbeddedProduct product)
    {
        using var admin = await product.AdminAsync();
        return WithSession(product, admin);
    }

    /// <summary>A browser holding the session of <paramref name="user"/> (a client that logged in), or none (the sign-in page's visitor).</summary>
    public static ConsolePage WithSession(EmbeddedProduct product, ApiClient? user)
    {
        var browser = HeadlessBrowser.Desktop();
        if (user is not null)
        {
            browser.Driver.Navigate().GoToUrl($"{product.BaseUrl}/healthz");
            browser.Driver.Manage().Cookies.AddCookie(new Cookie("sid", user.SessionId!, "/"));
        }

        return new ConsolePage(browser, product.BaseUrl);
    }

    /// <summary>Opens a console URL (`/0/run/abc`) as a person would: typed into the address bar.</summary>
    public void Open(string view) => Browser.Driver.Navigate().GoToUrl($"{baseUrl}/console{view}");

    /// <summary>How many elements match <paramref name="selector"/> in the document and every shadow root.</summary>
    public long Count(string selector) =>
        (long)Browser.Run($"{AllElements} return all(document, []).filter(el => el.matches(arguments[0])).length;", selector)!;

    /// <summary>The text of every element matching <paramref name="selector"/>, in document order.</summary>
    public IReadOnlyList<string> Texts(string selector) =>
        ((IEnumerable<object>)Browser.Run($"{AllElements} return all(document, []).filter(el => el.matches(arguments[0])).map(el => el.textContent.trim());", selector)!)
            .Select(text => (string)text).ToList();

    /// <summary>Waits until the elements matching <paramref name="selector"/> satisfy <paramref name="condition"/>.</summary>
    public Task<IReadOnlyList<string>> WaitTextsAsync(string selector, Func<IReadOnlyList<string>, bool> condition, string what, int seconds = 60) =>
        Eventually.WaitAsync(() => Task.FromResult(Texts(selector)), condition, TimeSpan.FromSeconds(seconds), what);

    /// <summary>Elements of the page, shadow roots included.</summary>
    public long Elements() => (long)Browser.Run($"{AllElements} return all(document, []).length;")!;

    public long HeapBytes() => Convert.ToInt64(Browser.Run("return performance.memory.usedJSHeapSize;"), System.Globalization.CultureInfo.InvariantCulture);

    public void Theme(string theme) => Browser.Run("document.documentElement.dataset.theme = arguments[0];", theme);

    /// <summary>axe-core (the Console project's npm devDependency) over the page, shadow roots included: the rules broken, with where.</summary>
    public IReadOnlyList<string> AccessibilityViolations()
    {
        if (Browser.Run("return typeof window.axe;") as string != "object")
        {
            Browser.Run(File.ReadAllText(Path.Combine(RepoPaths.Root, "Console", "node_modules", "axe-core", "axe.min.js")));
        }

        var driver = (IJavaScriptExecutor)Browser.Driver;
        Browser.Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        var json = (string)driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations.map(v => `${v.id}: ${v.nodes.map(n => JSON.stringify(n.target)).join(' ')}`))))
              .catch(e => done(JSON.stringify([`axe failed: ${e}`])));
            """)!;
        return JsonSerializer.Deserialize<List<string>>(json)!;
    }

    public void Dispose() => Browser.Dispose();
}
