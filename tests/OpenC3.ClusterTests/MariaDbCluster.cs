using System.Globalization;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>The cluster profile for real: two silo processes and one client-mode API process on one fresh MariaDB database.</summary>
public sealed class MariaDbCluster : IAsyncLifetime
{
    public const string AppName = "ops";
    public const string AppKey = "ops-cluster-key";

    private readonly string workDir = Directory.CreateTempSubdirectory("openc3-cluster-").FullName;
    private readonly ProductProcess?[] silos = new ProductProcess?[2];
    private readonly Dictionary<string, string>[] siloSettings = new Dictionary<string, string>[2];

    public ProductProcess Api { get; private set; } = null!;

    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public Dictionary<string, string> Common { get; private set; } = null!;

    public ApiClient App() => new(BaseUrl, AppName, AppKey);

    public async Task InitializeAsync()
    {
        Common = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "mysql",
            ["Storage:ConnectionString"] = await MariaDb.CreateDatabaseAsync(),
            ["Orleans:ClusterId"] = "cluster-tests",
            ["Orleans:MinimumReminderPeriod"] = "00:00:01",
            [$"Connector:Apps:{AppName}"] = AppKey,
            ["Ssh:User"] = TestServers.SshUser,
            ["Ssh:KeyFile"] = TestServers.SshKeyFile,
            ["Ssh:Port"] = TestServers.SshPort.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < silos.Length; i++)
        {
            siloSettings[i] = new Dictionary<string, string>(Common)
            {
                ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Metrics:Host"] = "127.0.0.1",
                ["Metrics:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            };
        }

        // Started one after the other: the first applies the schema, the second finds it applied.
        silos[0] = await ProductProcess.StartSiloAsync(siloSettings[0], workDir);
        silos[1] = await ProductProcess.StartSiloAsync(siloSettings[1], workDir);
        Api = await ProductProcess.StartApiAsync(new Dictionary<string, string>(Common) { ["Urls"] = BaseUrl, ["Orleans:Mode"] = "client" }, workDir);
    }

    /// <summary>The Prometheus endpoint a silo serves on its own listener (`Metrics:Port`).</summary>
    public string SiloMetricsUrl(int index) => $"http://127.0.0.1:{siloSettings[index]["Metrics:Port"]}/metrics";

    /// <summary>Which silo's log mentions <paramref name="text"/> (e.g. the step it runs), or -1.</summary>
    public int SiloLogging(string text) => Array.FindIndex(silos, s => s is not null && s.Log.Contains(text, StringComparison.Ordinal));

    public async Task KillSiloAsync(int index)
    {
        await silos[index]!.DisposeAsync();
        silos[index] = null;
    }

    public async Task RestartSiloAsync(int index) => silos[index] = await ProductProcess.StartSiloAsync(siloSettings[index], workDir);

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        foreach (var silo in silos)
        {
            if (silo is not null)
            {
                await silo.DisposeAsync();
            }
        }

        Directory.Delete(workDir, recursive: true);
    }
}
