using System.Diagnostics;
using System.Globalization;
using OpenC3.TestSupport;
using Xunit.Abstractions;

namespace OpenC3.IntegrationTests.Reliability;

/// <summary>
/// A burst of task submissions with caller uuids, every one sent twice at once by many clients: exactly one task
/// per uuid exists, each ends, and each ran its step once on the farm host (the step appends its uuid to a file).
/// `OPENC3_BURST_TASKS` sets the number of tasks (default 1,000).
/// </summary>
public sealed class DuplicateBurstTests(ExecutionProduct product, ITestOutputHelper output) : IClassFixture<ExecutionProduct>
{
    private const int Clients = 50;

    /// <summary>Tasks per job: the API refuses a job's 101st waiting or running task, so a burst spreads over jobs.</summary>
    private const int TasksPerJob = 100;

    private static int TaskCount => int.TryParse(Environment.GetEnvironmentVariable("OPENC3_BURST_TASKS"), CultureInfo.InvariantCulture, out var count) ? count : 1000;

    [Fact]
    public async Task AUuidSubmittedAgain_WhileItsJobIsAtItsLimitOfRuns_IsAnsweredAsCreated()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        await CreateJobAsync(app, node, "held", Gate());
        var uuids = Enumerable.Range(0, TasksPerJob).Select(i => $"held{i:D8}").ToList();
        foreach (var uuid in uuids)
        {
            var started = await app.PostAsync($"{J}/task/{node}/job/byname", new { jobname = "held", uuid });
            Assert.Equal(uuid, started.GetProperty("uuid").GetString());
        }

        var again = await app.PostAsync($"{J}/task/{node}/job/byname", new { jobname = "held", uuid = uuids[0] });
        Assert.Equal("This task has been successfully created", again.Info());
        Assert.True(again.Stat());
        var beyond = await app.PostAsync($"{J}/task/{node}/job/byname", new { jobname = "held", uuid = "heldbeyond01" });
        Assert.Equal("Too many waiting or running tasks", beyond.Info());
        Assert.Equal(TasksPerJob, (await app.GetAsync($"{J}/task/{node}")).Rows().Count);
    }

    [Fact]
    public async Task EveryUuidSubmittedTwiceConcurrently_MakesOneTask_ThatEnds_AndRanOnce()
    {
        var host = TestServers.SshHosts[0];
        var node = await NewNodeAsync(product);
        using (var admin = await product.AdminAsync())
        {
            Assert.True((await admin.PostAsync($"{J}/nodelist/{node}", new { name = host })).Stat());
        }

        var marks = Path.Combine(Path.GetTempPath(), $"openc3-burst-{Guid.NewGuid():N}");
        using var app = product.App();
        var jobs = new List<string>();
        for (var i = 0; i < (TaskCount + TasksPerJob - 1) / TasksPerJob; i++)
        {
            var step = Cmd("mark", [host], $"echo \"$wk_mark\" >> {marks}");
            await CreateJobAsync(app, node, $"burst{i}", step);
            jobs.Add($"burst{i}");
        }

        var random = new Random(15);
        var uuids = Enumerable.Range(0, TaskCount).Select(i => $"b{i:D5}" + new string([.. Enumerable.Range(0, 6).Select(_ => (char)('a' + random.Next(26)))])).ToList();
        var submissions = uuids.SelectMany((uuid, i) => new[] { (uuid, job: jobs[i / TasksPerJob]), (uuid, job: jobs[i / TasksPerJob]) }).OrderBy(_ => random.Next()).ToList();
        var clients = Enumerable.Range(0, Clients).Select(_ => product.App()).ToList();
        var clock = Stopwatch.StartNew();
        var refused = new List<string>();
        try
        {
            await Parallel.ForEachAsync(submissions.Select((s, i) => (s.uuid, s.job, client: clients[i % Clients])), new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (s, _) =>
            {
                var reply = await s.client.PostAsync($"{J}/task/{node}/job/byname", new { jobname = s.job, uuid = s.uuid, variable = new { wk_mark = s.uuid } });
                if (!reply.Stat() || (reply.TryGetProperty("uuid", out var uuid) && uuid.GetString() != s.uuid))
                {
                    lock (refused)
                    {
                        refused.Add($"{s.uuid}: {reply}");
                    }
                }
            });
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        var submitted = clock.Elapsed;
        Assert.True(refused.Count == 0, $"{refused.Count} submissions refused:\n{string.Join('\n', refused.Take(20))}");

        var tasks = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"{J}/task/{node}")).Rows(),
            rows => rows.Count(r => r.Status() is "success" or "fail" or "refuse") >= TaskCount,
            TimeSpan.FromMinutes(4),
            $"{TaskCount} tasks to end");
        var ended = clock.Elapsed;
        Assert.Equal(uuids.Order(StringComparer.Ordinal), tasks.Select(t => t.Text("uuid")).Order(StringComparer.Ordinal));
        Assert.All(tasks, t => Assert.Equal("success", t.Status()));
        var ran = File.ReadAllLines(marks);
        File.Delete(marks);
        Assert.Equal(uuids.Order(StringComparer.Ordinal), ran.Order(StringComparer.Ordinal));
        output.WriteLine($"{TaskCount} tasks, {submissions.Count} submissions by {Clients} clients in {submitted.TotalSeconds:0.0} s, all ended after {ended.TotalSeconds:0.0} s, each ran once");
    }
}
