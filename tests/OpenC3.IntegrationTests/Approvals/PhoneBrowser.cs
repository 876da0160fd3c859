using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;

namespace OpenC3.IntegrationTests.Approvals;

/// <summary>
/// Debian's Chromium, headless, driven through its chromedriver (both installed by `test.sh`), with a
/// phone's screen, touch and user agent. A fresh profile each time; closed with everything it started.
/// </summary>
public sealed class PhoneBrowser : IDisposable
{
    private const string PhoneAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36";
    private readonly string profile = Directory.CreateTempSubdirectory("openc3-chromium-").FullName;
    private readonly ChromeDriver driver;

    public PhoneBrowser()
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
        options.EnableMobileEmulation(new ChromiumMobileEmulationDeviceSettings(PhoneAgent) { Width = 412, Height = 915, PixelRatio = 2.6, EnableTouchEvents = true });
        driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public IWebDriver Driver => driver;

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
