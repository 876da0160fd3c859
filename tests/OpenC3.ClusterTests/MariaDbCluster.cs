using System.Globalization;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>
/// The cluster profile for real: two silo processes and one client-mode API process on one fresh MariaDB database,
/// talking mutual TLS with certificates of a throwaway CA, as in docker/compose.yml.
/// </summary>
public sealed class MariaDbCluster : IAsyncLifetime
{
    public const string AppName = "ops";
    public const string AppKey = "ops-cluster-key";

    private readonly ProductProcess?[] silos = new ProductProcess?[2];
    private readonly Dictionary<string, string>[] siloSettings = new Dictionary<string, string>[2];

    public ProductProcess Api { get; private set; } = null!;

    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    /// <summary>Settings every member shares, including its `Orleans:Tls:*` certificate from <see cref="Authority"/>.</summary>
    public Dictionary<string, string> Common { get; private set; } = null!;

    public ClusterAuthority Authority { get; private set; } = null!;

    /// <summary>Where the test may write its own files (certificates of strangers); removed with the cluster.</summary>
    public string WorkDir { get; } = Directory.CreateTempSubdirectory("openc3-cluster-").FullName;

    public ApiClient App() => new(BaseUrl, AppName, AppKey);

    public async Task InitializeAsync()
    {
        Authority = ClusterAuthority.Create(WorkDir, "cluster");
        Common = MemberSettings(Authority, await MariaDb.CreateDatabaseAsync());
        for (var i = 0; i < silos.Length; i++)
        {
            siloSettings[i] = SiloSettings(Common);
        }

        // Started one after the other: the first applies the schema, the second finds it applied.
        silos[0] = await ProductProcess.StartSiloAsync(siloSettings[0], WorkDir);
        silos[1] = await ProductProcess.StartSiloAsync(siloSettings[1], WorkDir);
        Api = await ProductProcess.StartApiAsync(ClientApiSettings(Common, BaseUrl), WorkDir);
    }

    /// <summary>What every member of a cluster on <paramref name="connectionString"/> shares.</summary>
    public static Dictionary<string, string> MemberSettings(ClusterAuthority authority, string connectionString) => new(authority.Member("member").Concat(ProductSettings.SshFarm))
    {
        ["Storage:Provider"] = "mysql",
        ["Storage:ConnectionString"] = connectionString,
        ["Orleans:ClusterId"] = "cluster-tests",
        ["Orleans:MinimumReminderPeriod"] = "00:00:01",
        [$"Connector:Apps:{AppName}"] = AppKey,
    };

    /// <summary>A silo's own ports on top of the shared settings.</summary>
    public static Dictionary<string, string> SiloSettings(IReadOnlyDictionary<string, string> common) => new(common)
    {
        ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Metrics:Host"] = "127.0.0.1",
        ["Metrics:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The API host in client mode, listening on <paramref name="baseUrl"/>.</summary>
    public static Dictionary<string, string> ClientApiSettings(IReadOnlyDictionary<string, string> common, string baseUrl) =>
        new(common) { ["Urls"] = baseUrl, ["Orleans:Mode"] = "client" };

    /// <summary>The silo-to-silo port (`Orleans:SiloPort`) and the client gateway port (`Orleans:GatewayPort`) of a silo.</summary>
    public IEnumerable<int> SiloPorts(int index) =>
        [int.Parse(siloSettings[index]["Orleans:SiloPort"], CultureInfo.InvariantCulture), int.Parse(siloSettings[index]["Orleans:GatewayPort"], CultureInfo.InvariantCulture)];

    /// <summary>The Prometheus endpoint a silo serves on its own listener (`Metrics:Port`).</summary>
    public string SiloMetricsUrl(int index) => $"http://127.0.0.1:{siloSettings[index]["Metrics:Port"]}/metrics";

    /// <summary>Which silo's log mentions <paramref name="text"/> (e.g. the step it runs), or -1.</summary>
    public int SiloLogging(string text) => Array.FindIndex(silos, s => s is not null && s.Log.Contains(text, StringComparison.Ordinal));

    /// <summary>What a running silo logged so far (empty when it is not running).</summary>
    public string SiloLog(int index) => silos[index]?.Log ?? string.Empty;

    public async Task KillSiloAsync(int index)
    {
        await silos[index]!.DisposeAsync();
        silos[index] = null;
    }

    public async Task RestartSiloAsync(int index) => silos[index] = await ProductProcess.StartSiloAsync(siloSettings[index], WorkDir);

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

        Directory.Delete(WorkDir, recursive: true);
    }
}
