using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>`Ssh:MaxParallelPerStep` caps how many hosts of one step run at once, below the silo-wide cap.</summary>
public sealed class StepParallelLimitTests(TwoHostsPerStepProduct product) : IClassFixture<TwoHostsPerStepProduct>
{
    [Fact]
    public async Task AStepOnSixHosts_RunsAtMostTwoAtOnce_AndAllSucceed()
    {
        using var app = product.App();
        var hosts = TestServers.SshHosts.Skip(34).Take(6).ToList();
        var dir = ScpStepTests.Scratch($"limit-{Guid.NewGuid():N}");
        // Each host marks itself running, counts the marks, and removes its mark before it ends.
        var script = $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); touch {dir}/$h.run; echo running=$(ls {dir} | grep -c '[.]run$'); sleep 1; rm {dir}/$h.run";
        var job = $"limit-{Guid.NewGuid():N}";
        await CreateJobAsync(app, 0, job, Cmd("wide", hosts, script));
        var task = await StartByNameAsync(app, 0, job);

        Assert.Equal("success", (await WaitFinishedAsync(app, 0, task)).Status());
        var step = (await StepsAsync(app, 0, task)).Single().GetProperty("uuid").GetString()!;
        var log = await LiveLog.ReadAsync(product.BaseUrl, task + step + "cmd", "substatus");
        var counts = hosts.Select(h => int.Parse(log.Split('\n').Single(l => l.StartsWith($"{h}: running=", StringComparison.Ordinal))[$"{h}: running=".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(counts, n => Assert.InRange(n, 1, 2));
        Directory.Delete(dir, recursive: true);
    }
}
