using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// kill -9 of the whole product while hosts run a command: what the dead process left running on the hosts is stopped
/// before the hosts are marked incomplete (issue 15), and nothing is re-run without a decision.
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

    private static int Sleeps(int unique) => FarmProcesses.Count($"^sleep 300[.]{unique}$");
}
