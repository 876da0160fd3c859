using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Embedded;

/// <summary>The product on its default profile: one process, one SQLite file in a temp folder, fixed ports across restarts.</summary>
public class EmbeddedProduct : IAsyncLifetime
{
    public const string AppName = "ci";
    public const string AppKey = "ci-secret-key";
    public const string AdminPassword = "admin-pass-for-tests";

    private readonly string workDir = Directory.CreateTempSubdirectory("openc3-embedded-").FullName;

    public ProductProcess Process { get; private set; } = null!;

    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public string DatabaseFile => Path.Combine(workDir, "data", "openc3.db");

    public Dictionary<string, string> Settings { get; private set; } = null!;

    public ApiClient App() => new(BaseUrl, AppName, AppKey);

    public ApiClient Anonymous() => new(BaseUrl);

    /// <summary>A browser-like client logged in as the seeded admin `open-c3`.</summary>
    public async Task<ApiClient> AdminAsync()
    {
        var admin = Anonymous();
        var reply = await admin.LoginAsync("open-c3", AdminPassword);
        if (!reply.GetProperty("stat").GetBoolean())
        {
            throw new InvalidOperationException($"admin login failed: {reply}");
        }

        return admin;
    }

    public async Task InitializeAsync()
    {
        Settings = new Dictionary<string, string>(await StorageSettingsAsync())
        {
            ["Urls"] = BaseUrl,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:MinimumReminderPeriod"] = "00:00:01",
            [$"Connector:Apps:{AppName}"] = AppKey,
            ["Connector:AdminPassword"] = AdminPassword,
        };
        foreach (var (key, value) in ExtraSettings())
        {
            Settings[key] = value;
        }

        Process = await ProductProcess.StartApiAsync(Settings, workDir);
    }

    protected string WorkDir => workDir;

    protected virtual Task<Dictionary<string, string>> StorageSettingsAsync() => Task.FromResult(new Dictionary<string, string>
    {
        ["Storage:Provider"] = "sqlite",
        ["Storage:ConnectionString"] = $"Data Source={DatabaseFile}",
    });

    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings() => [];

    /// <summary>kill -9, then (after <paramref name="whileDown"/>) start again on the same file and ports.</summary>
    public async Task CrashAndRestartAsync(Func<Task>? whileDown = null)
    {
        await Process.KillAsync();
        await Process.DisposeAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }

        Process = await ProductProcess.StartApiAsync(Settings, workDir);
    }

    public virtual async Task DisposeAsync()
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

/// <summary>The same single process on the cluster profile's storage: MariaDB for state, reminders, membership and tables.</summary>
public sealed class MariaDbEmbeddedProduct : EmbeddedProduct
{
    protected override async Task<Dictionary<string, string>> StorageSettingsAsync() => new()
    {
        ["Storage:Provider"] = "mysql",
        ["Storage:ConnectionString"] = await MariaDb.CreateDatabaseAsync(),
    };
}
