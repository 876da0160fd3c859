using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>An every-minute crontab on two silos sharing MariaDB: each minute runs once, on whichever silo hosts the crontab.</summary>
public sealed class CrontabClusterTests(MariaDbCluster cluster) : IClassFixture<MariaDbCluster>
{
    private const int Fires = 3;

    [Fact]
    public async Task EveryMinute_RunsOncePerMinute_NeverTwice()
    {
        using var app = cluster.App();
        var cron = await EveryMinuteCrontab.StartAsync(app, $"cluster-cron-{Guid.NewGuid():N}"[..24], TestServers.SshHosts[20]);
        Task<List<JsonElement>> RunsAsync() => cron.RunsAsync(app);

        await Eventually.WaitAsync(RunsAsync, runs => runs.Count >= Fires, TimeSpan.FromSeconds(70 * Fires + 30), $"{Fires} runs of the crontab");
        await cron.StopAsync(app);
        var runs = await Eventually.WaitAsync(RunsAsync, r => r.All(t => t.GetProperty("status").GetString() == "success"), TimeSpan.FromSeconds(90), "the runs to succeed");

        var minutes = runs.Select(t => t.GetProperty("starttime").GetString()![..16]).ToList();
        Assert.Equal(minutes.Count, minutes.Distinct().Count());
        Assert.All(runs, t => Assert.Equal("crontab", t.GetProperty("calltype").GetString()));
        Assert.Equal(runs.Count, File.ReadAllLines(cron.Marks).Length);
        File.Delete(cron.Marks);
    }
}
