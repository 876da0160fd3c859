using System.Collections.ObjectModel;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;
using OpenQA.Selenium.Support.UI;

namespace OpenC3.IntegrationTests;

/// <summary>
/// Debian's Chromium, headless, driven through its chromedriver (both installed by `test.sh`): a phone (screen,
/// touch, user agent) or a desktop window. A fresh profile each time; closed with everything it started.
/// </summary>
public sealed class HeadlessBrowser : IDisposable
{
    private const string PhoneAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36";

    // Finds the first element matching a selector in the document or any open shadow root (the console's lit views).
    private const string DeepQuery = """
        const find = (root, selector) => {
          const here = root.querySelector(selector);
          if (here) return here;
          for (const el of root.querySelectorAll('*')) {
            if (el.shadowRoot) { const inner = find(el.shadowRoot, selector); if (inner) return inner; }
          }
          return null;
        };
        return find(document, arguments[0]);
        """;

    private readonly string profile = Directory.CreateTempSubdirectory("openc3-chromium-").FullName;
    private readonly ChromeDriver driver;

    private HeadlessBrowser(Action<ChromeOptions> shape)
    {
        var chromedriver = Require("OPENC3_TEST_CHROMEDRIVER");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Require("OPENC3_TEST_CHROMIUM") };
        // No network but loopback here: Chromium's own background traffic is switched off.
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}");
        shape(options);
        driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public static HeadlessBrowser Phone() => new(options =>
        options.EnableMobileEmulation(new ChromiumMobileEmulationDeviceSettings(PhoneAgent) { Width = 412, Height = 915, PixelRatio = 2.6, EnableTouchEvents = true }));

    public static HeadlessBrowser Desktop(int width = 1400, int height = 900) => new(options => options.AddArgument($"--window-size={width},{height}"));

    public IWebDriver Driver => driver;

    /// <summary>The first element matching <paramref name="selector"/>, looking into shadow roots, once it exists.</summary>
    public IWebElement Deep(string selector, int seconds = 20) =>
        new WebDriverWait(driver, TimeSpan.FromSeconds(seconds)).Until(_ => driver.ExecuteScript(DeepQuery, selector) as IWebElement)
            ?? throw new WebDriverTimeoutException($"no element {selector}");

    /// <summary>The element with <c>data-test="<paramref name="name"/>"</c>, looking into shadow roots.</summary>
    public IWebElement Test(string name, int seconds = 20) => Deep($"[data-test=\"{name}\"]", seconds);

    /// <summary>Runs <paramref name="script"/> in the page (arguments as `arguments[i]`).</summary>
    public object? Run(string script, params object[] arguments) => driver.ExecuteScript(script, arguments);

    public ReadOnlyCollection<LogEntry> ConsoleLog() => driver.Manage().Logs.GetLog(LogType.Browser);

    public void Dispose()
    {
        driver.Quit();
        driver.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; it is a temp folder.
        }
    }

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value && File.Exists(value)
            ? value
            : throw new InvalidOperationException($"{variable} does not name a file: Chromium and chromedriver are not installed. Run the tests with ./test.sh, which installs them.");
}
