using Microsoft.Data.Sqlite;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// kill -9 of the whole product while hosts run a command: what the dead process left running on the hosts is stopped
/// before the hosts are marked incomplete (issue 15), and nothing is re-run without a decision. And a start that died
/// between its row and its state does not stay `running` for ever.
/// </summary>
[StartEarly]
public sealed class CrashRecoveryTests(ExecutionProduct product) : IClassFixture<ExecutionProduct>
{
    [Fact]
    public async Task AfterKill9_TheOrphansAreStopped_TheRunningHostsAreIncomplete_TheStepWaitsForADecision_AndRunningRetriesThem()
    {
        using (var app = product.App())
        {
            var hosts = TestServers.SshHosts.Skip(33).Take(3).ToList();
            var marker = Path.Combine(Path.GetTempPath(), $"openc3-crash-{Guid.NewGuid():N}");
            var unique = Random.Shared.Next(100_000, 999_999);
            var started = await app.PostAsync("/api/job/task/0/plugin_cmd", new
            {
                name = "crash",
                user = TestServers.SshUser,
                node_type = "builtin",
                node_cont = string.Join(',', hosts),
                scripts_type = "shell",
                // The first run of each host leaves a mark (after its announced session had time to be kept) and sleeps; a retry
                // finds the mark and ends at once.
                scripts_cont = $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); if [ -e {marker}.$h ]; then echo retried; exit 0; fi; sleep 3; touch {marker}.$h; exec sleep 300.{unique}",
                timeout = 120,
            });
            var uuid = started.GetProperty("data").GetProperty("uuid").GetString()!;
            await Eventually.WaitAsync(() => Task.FromResult(hosts.Count(h => File.Exists($"{marker}.{h}"))), n => n == hosts.Count, TimeSpan.FromSeconds(30), "all hosts to start");

            await product.CrashAndRestartAsync();

            using var after = product.App();
            var waiting = await Eventually.WaitAsync(
                async () => (await after.GetAsync($"/api/job/task/0/{uuid}")).GetProperty("data"),
                t => t.GetProperty("status").GetString() == "waiting",
                TimeSpan.FromMinutes(2),
                "the recovered task to wait for a decision");
            Assert.Equal("waiting", waiting.GetProperty("status").GetString());
            var left = Sleeps(unique);
            Assert.True(left == 0, $"{left} of the orphaned sleeps outlived the recovery; the restarted product's log:\n{product.Process.Log}");

            var stepUuid = started.GetProperty("data").GetProperty("loguuid").GetString()![12..24];
            var step = (await after.GetAsync($"/api/job/subtask/0/{uuid}/{stepUuid}")).GetProperty("data");
            Assert.Equal("decision", step.GetProperty("status").GetString());
            Assert.All(step.GetProperty("hosts").EnumerateArray(), h => Assert.Equal("incomplete", h.GetProperty("status").GetString()));

            // Nothing ran again on its own: each host still has exactly the mark of its first run.
            Assert.Equal(hosts.Count, hosts.Count(h => File.Exists($"{marker}.{h}")));

            var retry = await after.PostAsync("/api/job/subtask/0", new { taskuuid = uuid, subtaskuuid = stepUuid, subtasktype = "cmd", control = "running" });
            Assert.True(retry.GetProperty("stat").GetBoolean(), retry.ToString());
            var done = await Eventually.WaitAsync(
                async () => (await after.GetAsync($"/api/job/task/0/{uuid}")).GetProperty("data"),
                t => t.GetProperty("status").GetString() is "success" or "fail",
                TimeSpan.FromSeconds(60),
                "the retried task to finish");
            Assert.Equal("success", done.GetProperty("status").GetString());
            foreach (var host in hosts)
            {
                File.Delete($"{marker}.{host}");
            }
        }
    }

    [Fact]
    public async Task AStartThatDiedAfterItsRowWasWritten_IsEndedFailByTheWatchdog_NotLeftRunning()
    {
        // What a silo that died between a start's two writes leaves: the task's row says running, no task state exists.
        var uuid = "lost" + Guid.NewGuid().ToString("N")[..7] + "x";
        await using (var sqlite = new SqliteConnection($"Data Source={product.DatabaseFile}"))
        {
            await sqlite.OpenAsync();
            await using var insert = new SqliteCommand(
                "INSERT INTO openc3_job_task (projectid, uuid, name, user, slave, status, starttimems, starttime, calltype, jobtype, jobuuid, mutex, variable) " +
                "VALUES (0, @uuid, 'lost-start', 'admin', 'gone', 'running', '1765000000.000', '2026-12-07 10:00:00', 'page', 'plugin', '', '', '')",
                sqlite);
            insert.Parameters.AddWithValue("@uuid", uuid);
            await insert.ExecuteNonQueryAsync();
        }

        using var app = product.App();
        Assert.Equal("running", (await app.GetAsync($"/api/job/task/0/{uuid}")).GetProperty("data").GetProperty("status").GetString());
        var ended = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"/api/job/task/0/{uuid}")).GetProperty("data"),
            t => t.GetProperty("status").GetString() != "running",
            TimeSpan.FromMinutes(2),
            "the watchdog's sweep (every minute) to end the lost start");
        Assert.Equal("fail", ended.GetProperty("status").GetString());
        Assert.Equal("lost: the product stopped before the task started", ended.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(ended.GetProperty("finishtime").GetString()), ended.ToString());
    }

    private static int Sleeps(int unique) => FarmProcesses.Count($"^sleep 300[.]{unique}$");
}
