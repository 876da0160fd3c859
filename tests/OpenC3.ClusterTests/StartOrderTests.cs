using System.Net;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>
/// Members started in any order (as compose starts them all at once) wait for what they need and never exit:
/// a client-mode API host before any silo and before the schema, a silo before its MariaDB.
/// </summary>
public sealed class StartOrderTests : IAsyncLifetime
{
    private static readonly TimeSpan StillWaiting = TimeSpan.FromSeconds(6);

    private readonly string workDir = Directory.CreateTempSubdirectory("openc3-start-order-").FullName;
    private readonly List<ProductProcess> processes = [];
    private ClusterAuthority authority = null!;

    public Task InitializeAsync()
    {
        authority = ClusterAuthority.Create(workDir, "order");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ClientApi_StartedOnAnEmptyDatabase_IsNotReady_AndStaysUp_ThenServesOnceASiloStarts()
    {
        var common = MariaDbCluster.MemberSettings(authority, await MariaDb.CreateDatabaseAsync());
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var api = Track(ProductProcess.LaunchApi(MariaDbCluster.ClientApiSettings(common, baseUrl), workDir));
        using var app = new ApiClient(baseUrl, MariaDbCluster.AppName, MariaDbCluster.AppKey);

        await Eventually.WaitAsync(() => ReadinessAsync(app), s => s == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60), "the client API to answer /readyz with 503");
        await Task.Delay(StillWaiting);
        Assert.False(api.HasExited, api.Log);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessAsync(app));
        Assert.Contains("Waiting for the cluster", api.Log, StringComparison.Ordinal);

        Track(await ProductProcess.StartSiloAsync(MariaDbCluster.SiloSettings(common), workDir));
        await Eventually.WaitAsync(() => ReadinessAsync(app), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "the client API to become ready once a silo runs");
        var tasks = await app.GetAsync("/api/job/task/0");
        Assert.True(tasks.GetProperty("stat").GetBoolean(), tasks.ToString());
    }

    [Fact]
    public async Task Silo_StartedBeforeMariaDb_SaysWhatItWaitsFor_AndStartsOnceTheDatabaseListens()
    {
        await using var database = await PrivateMariaDb.CreateAsync();
        var silo = Track(ProductProcess.LaunchSilo(MariaDbCluster.SiloSettings(MariaDbCluster.MemberSettings(authority, database.ConnectionString)), workDir));

        await Eventually.WaitAsync(() => Task.FromResult(silo.Log), log => log.Contains("Waiting for the database", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the silo to say it waits for the database");
        await Task.Delay(StillWaiting);
        Assert.False(silo.HasExited, silo.Log);

        await database.StartAsync();
        await silo.WaitStartedAsync(TimeSpan.FromSeconds(90));
        Assert.Contains("Applying schema", silo.Log, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(workDir, recursive: true);
    }

    private ProductProcess Track(ProductProcess process)
    {
        processes.Add(process);
        return process;
    }

    private static async Task<HttpStatusCode> ReadinessAsync(ApiClient app) => (await app.Http.GetAsync("/readyz")).StatusCode;
}
