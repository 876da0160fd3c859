using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Embedded;

/// <summary>The product on its default profile: one process, one SQLite file in a temp folder, fixed ports across restarts.</summary>
public sealed class EmbeddedProduct : IAsyncLifetime
{
    public const string AppName = "ci";
    public const string AppKey = "ci-secret-key";
    public const string AdminPassword = "ci-admin-password";

    private readonly string workDir = Directory.CreateTempSubdirectory("openc3-embedded-").FullName;

    public ProductProcess Process { get; private set; } = null!;

    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public string DatabaseFile => Path.Combine(workDir, "data", "openc3.db");

    public Dictionary<string, string> Settings { get; private set; } = null!;

    public ApiClient App() => new(BaseUrl, AppName, AppKey);

    public ApiClient Anonymous() => new(BaseUrl);

    public async Task InitializeAsync()
    {
        Settings = new Dictionary<string, string>
        {
            ["Urls"] = BaseUrl,
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={DatabaseFile}",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:MinimumReminderPeriod"] = "00:00:01",
            [$"Connector:Apps:{AppName}"] = AppKey,
            ["Connector:AdminPassword"] = AdminPassword,
        };
        Process = await ProductProcess.StartApiAsync(Settings, workDir);
    }

    /// <summary>kill -9, then start again on the same file and ports.</summary>
    public async Task CrashAndRestartAsync()
    {
        await Process.KillAsync();
        await Process.DisposeAsync();
        Process = await ProductProcess.StartApiAsync(Settings, workDir);
    }

    public async Task DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException)
        {
            // A crashed process may still hold the file for a moment; the temp folder is disposable.
        }
    }
}
