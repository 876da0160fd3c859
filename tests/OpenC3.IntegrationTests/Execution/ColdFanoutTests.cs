using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// Issue 14, no self-inflicted failures: one step on the whole farm on a product that has no SSH
/// connection yet. Every host succeeds: handshakes are bounded by what the silo can finish, so none
/// times out because we were busy.
/// </summary>
[Collection(ColdFanout.Collection)]
public sealed class ColdFanoutTests(FleetProduct product) : IClassFixture<FleetProduct>
{
    [Fact]
    public async Task OneStepOnTheWholeFarm_SucceedsOnEveryHost_OnAColdProduct()
    {
        using var app = product.App();
        var task = await StartByNameAsync(app, 0, await ColdFanout.JobAsync(app));
        await ColdFanout.AssertEveryHostSucceededAsync(app, task);
    }
}

/// <summary>The same cold fan-out while a second task holds half of the SSH slots: queued hosts wait for a slot, never time out.</summary>
[Collection(ColdFanout.Collection)]
public sealed class SharedSlotsColdFanoutTests(FiftySlotsProduct product) : IClassFixture<FiftySlotsProduct>
{
    [Fact]
    public async Task OneStepOnTheWholeFarm_SucceedsOnEveryHost_WhileAnotherTaskHoldsSlots()
    {
        using var app = product.App();
        var holders = TestServers.SshHosts.Take(25).ToList();
        var holdJob = $"hold-{Guid.NewGuid():N}";
        await CreateJobAsync(app, 0, holdJob, Cmd("hold", holders, "echo holding; sleep 15"));
        var holding = await StartByNameAsync(app, 0, holdJob);
        var holdStep = (await StepsAsync(app, 0, holding)).Single().GetProperty("uuid").GetString()!;
        await LiveLog.ReadAsync(product.BaseUrl, holding + holdStep + "cmd", $"{holders[^1]}: holding");

        var fanout = await StartByNameAsync(app, 0, await ColdFanout.JobAsync(app));
        Assert.Equal("running", (await app.GetAsync($"/api/job/task/0/{holding}")).GetProperty("data").Status());
        await ColdFanout.AssertEveryHostSucceededAsync(app, fanout);
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, holding)).Status());
    }
}

/// <summary>The fan-outs take both cores for seconds: they run alone, so they neither starve nor are starved by other tests.</summary>
[CollectionDefinition(ColdFanout.Collection, DisableParallelization = true)]
public sealed class ColdFanoutCollection;

internal static class ColdFanout
{
    public const string Collection = "Cold fan-out on the whole farm";

    public static async Task<string> JobAsync(ApiClient app)
    {
        var name = $"fanout-{Guid.NewGuid():N}";
        await CreateJobAsync(app, 0, name, Cmd("fanout", TestServers.SshHosts, "true"));
        return name;
    }

    public static async Task AssertEveryHostSucceededAsync(ApiClient app, string task)
    {
        // A failed host sends a job's step to `decision` (the task `waiting`) rather than ending it.
        var finished = await WaitTaskAsync(app, 0, task, s => s is "success" or "fail" or "refuse" or "waiting", "to finish or wait for a decision");
        var step = (await StepsAsync(app, 0, task)).Single().GetProperty("uuid").GetString()!;
        var failed = (await HostsAsync(app, 0, task, step)).Where(h => h.Value.Status != "success").Select(h => $"{h.Key}: {h.Value.Status} {h.Value.Reason}").ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {TestServers.SshHosts.Count} hosts did not succeed: {string.Join("; ", failed.Take(10))}");
        Assert.Equal("success", finished.Status());
    }
}
