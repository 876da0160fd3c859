using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenC3.Grains.Crontabs;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Crontabs;

/// <summary>
/// The attack: a user with write on their own tree node passes `uuid` to `job/byname` to take another
/// node's crontab runs first (run ids used to be a public function of crontab id and minute), or reuses
/// a uuid another node's task already holds.
/// </summary>
[StartEarly]
public abstract class CrontabSquatTests(ExecutionProduct product)
{
    [Fact]
    public async Task SquattingRunIds_FromAnotherNode_IsRefusedOrRecorded_AndTheCrontabKeepsRunning()
    {
        using var app = product.App();
        var (attackerTree, attacker) = await UserWithLevelAsync(product, 2);
        using var attackerBrowser = attacker;
        var squat = await CreateJobAsync(attacker, attackerTree, "squat", Cmd("s", TestServers.SshHosts[33]));
        Assert.False(string.IsNullOrEmpty(squat));
        using var runs = new CronRuns(app, $"squat-{Guid.NewGuid():N}"[..20], TestServers.SshHosts[32]);
        await runs.ScheduleAsync();

        // The run ids of the next minutes as anyone could compute them before: each squat starts fine (the uuid is free) …
        var thisMinute = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);
        var guessed = Enumerable.Range(0, 4).Select(i => PublicRunId(runs.CrontabId, thisMinute.AddMinutes(i))).ToList();
        foreach (var uuid in guessed)
        {
            Assert.True((await StartAsync(attacker, attackerTree, uuid)).GetProperty("stat").GetBoolean());
        }

        // … and takes nothing from the crontab: its run still starts, under an id nobody could guess.
        var first = Assert.Single(await runs.WaitForRunsAsync(1));
        var firstUuid = first.GetProperty("uuid").GetString()!;
        Assert.DoesNotContain(firstUuid, guessed);

        // A uuid held by another node's task is refused, and that task stays the crontab's.
        var taken = await StartAsync(attacker, attackerTree, firstUuid);
        Assert.False(taken.GetProperty("stat").GetBoolean(), taken.ToString());
        Assert.Equal($"uuid {firstUuid} is taken by a task of another tree node", Refusal(taken));
        var kept = (await app.GetAsync($"{J}/task/0/{firstUuid}")).Data();
        Assert.Equal((runs.JobUuid, "crontab"), (kept.GetProperty("jobuuid").GetString(), kept.GetProperty("calltype").GetString()));

        // Even with the key leaked, a squatted run is not lost silently: it is a failed run with the reason.
        var key = Convert.FromBase64String((await ScalarTextAsync(product, $"SELECT secret FROM openc3_server_secret WHERE name = '{CrontabRunId.SecretName}'"))!);
        var next = CronRuns.Parse(CronRuns.MinuteOf(first)).AddMinutes(1);
        var nextUuid = CrontabRunId.For(key, runs.CrontabId, new DateTimeOffset(next));
        Assert.True((await StartAsync(attacker, attackerTree, nextUuid)).GetProperty("stat").GetBoolean());

        var all = await runs.WaitForRunsAsync(3);
        await runs.SwitchOffAsync();
        var lost = Assert.Single(all, t => t.GetProperty("reason").GetString()?.StartsWith("lost:", StringComparison.Ordinal) == true);
        Assert.Equal(
            ("fail", "crontab", $"{next:yyyy-MM-dd HH:mm}", $"lost: the run id {nextUuid} is taken by a task that is not this crontab's run"),
            (lost.GetProperty("status").GetString(), lost.GetProperty("calltype").GetString(), CronRuns.MinuteOf(lost), lost.GetProperty("reason").GetString()));
        Assert.NotEqual(nextUuid, lost.GetProperty("uuid").GetString());
        Assert.Equal("squat", (await attacker.GetAsync($"{J}/task/{attackerTree}/{nextUuid}")).Data().GetProperty("name").GetString());

        // Every other minute ran on the host, once.
        var finished = await runs.WaitFinishedAsync();
        Assert.Equal(finished.Count(t => t.GetProperty("status").GetString() == "success"), runs.MarkedRuns());
        Assert.True(runs.MarkedRuns() >= 2);
    }

    private static Task<JsonElement> StartAsync(ApiClient client, long tree, string uuid) =>
        client.PostAsync($"{J}/task/{tree}/job/byname", new { jobname = "squat", uuid });

    /// <summary>How run ids were derived before they were keyed: from public values alone.</summary>
    private static string PublicRunId(long crontabId, DateTimeOffset minute)
    {
        const string alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"openc3-crontab:{crontabId}:{CrontabRunId.TimeId(minute)}")));
        return new string([.. hash.Take(11).Select(b => alphanumeric[b % alphanumeric.Length]), "abcdefghijklmnopqrstuvwxyz"[hash[11] % 26]]);
    }
}

public sealed class SqliteCrontabSquatTests(ExecutionProduct product) : CrontabSquatTests(product), IClassFixture<ExecutionProduct>;

public sealed class MariaDbCrontabSquatTests(MariaDbExecutionProduct product) : CrontabSquatTests(product), IClassFixture<MariaDbExecutionProduct>;
