using System.Security.Cryptography;
using OpenC3.Grains.Abstractions.Diagnostics;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

public sealed class ClusterTests(MariaDbCluster cluster) : IClassFixture<MariaDbCluster>
{
    [Fact]
    public async Task ClientModeApi_ServesTheEnvironment_FromTheSilos()
    {
        using var app = cluster.App();
        var set = await app.PostAsync("/api/job/environment", new Dictionary<string, string> { ["isPageWaitingSms"] = "false" });
        Assert.True(set.GetProperty("stat").GetBoolean(), set.ToString());
        var data = (await app.GetAsync("/api/job/environment")).GetProperty("data");
        Assert.Equal("false", data.GetProperty("isPageWaitingSms").GetString());
        Assert.Equal("true", data.GetProperty("isPageFailSms").GetString());

        using var anonymous = new ApiClient(cluster.BaseUrl);
        Assert.Equal(10000, (await anonymous.GetAsync("/api/job/environment")).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task KillingOneSilo_KeepsStateAndRemindersAlive_OnTheOther()
    {
        var payload = RandomNumberGenerator.GetBytes(200 * 1024);
        var sha = Convert.ToHexStringLower(SHA256.HashData(payload));
        var keys = Enumerable.Range(0, 6).Select(i => $"cluster-{i}-{Guid.NewGuid():N}").ToList();

        await using (var client = await OrleansTestClient.ConnectAsync(cluster.Common))
        {
            // Several grains, so both silos host some and the kill surely takes grains and reminders with it.
            foreach (var key in keys)
            {
                var probe = client.Grains.GetGrain<IProbeGrain>(key);
                await probe.Write(payload);
                await probe.StartTicking(TimeSpan.FromSeconds(1));
            }

            foreach (var key in keys)
            {
                await Eventually.WaitAsync(client.Grains.GetGrain<IProbeGrain>(key).Get, s => s.Ticks >= 1, TimeSpan.FromSeconds(60), $"first tick of {key}");
            }
        }

        await cluster.KillSiloAsync(0);

        await using (var client = await OrleansTestClient.ConnectAsync(cluster.Common))
        {
            foreach (var key in keys)
            {
                var probe = client.Grains.GetGrain<IProbeGrain>(key);
                var before = await Eventually.WaitAsync(probe.Get, _ => true, TimeSpan.FromSeconds(120), $"{key} answering after the kill");
                Assert.Equal(sha, before.PayloadSha256);
                await Eventually.WaitAsync(probe.Get, s => s.Ticks >= before.Ticks + 2, TimeSpan.FromSeconds(120), $"{key} ticking on the surviving silo");
                await probe.StopTicking();
            }
        }

        using var app = cluster.App();
        Assert.True((await app.GetAsync("/api/job/environment")).GetProperty("stat").GetBoolean());

        // The dead silo comes back on the same address and port and rejoins.
        await cluster.RestartSiloAsync(0);
        Assert.True((await app.GetAsync("/api/job/environment")).GetProperty("stat").GetBoolean());
    }
}
