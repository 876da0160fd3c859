using System.Globalization;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>
/// The product as one process with fixed ports across restarts, composed from <see cref="ProductPart"/>s
/// (storage first, then the SSH farm, mail, options …); on its own, the default profile: one SQLite file in a temp folder.
/// </summary>
public class EmbeddedProduct : IAsyncLifetime
{
    public const string AppName = "ci";
    public const string AppKey = "ci-secret-key";
    public const string AdminPassword = "admin-pass-for-tests";

    private readonly string workDir = Directory.CreateTempSubdirectory("openc3-embedded-").FullName;
    private readonly ProductPart[] parts;

    public EmbeddedProduct()
        : this(new SqliteFile())
    {
    }

    protected EmbeddedProduct(params ProductPart[] parts) => this.parts = parts;

    public ProductProcess Process { get; private set; } = null!;

    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public string DatabaseFile => DatabaseFileIn(workDir);

    public Dictionary<string, string> Settings { get; private set; } = null!;

    protected string WorkDir => workDir;

    public static string DatabaseFileIn(string workDir) => Path.Combine(workDir, "data", "openc3.db");

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
        Settings = new Dictionary<string, string>
        {
            ["Urls"] = BaseUrl,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:MinimumReminderPeriod"] = "00:00:01",
            [$"Connector:Apps:{AppName}"] = AppKey,
            ["Connector:AdminPassword"] = AdminPassword,
        };
        foreach (var part in parts)
        {
            foreach (var (key, value) in await part.SettingsAsync(workDir))
            {
                Settings[key] = value;
            }
        }

        Process = await ProductProcess.StartApiAsync(Settings, workDir);
    }

    /// <summary>The part of type <typeparamref name="T"/> this product was composed with.</summary>
    protected T Part<T>()
        where T : ProductPart => parts.OfType<T>().Single();

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

    public async Task DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        foreach (var part in parts.Reverse())
        {
            await part.DisposeAsync();
        }

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

/// <summary>The same single process on the cluster profile's storage.</summary>
public sealed class MariaDbEmbeddedProduct() : EmbeddedProduct(new MariaDbDatabase());
