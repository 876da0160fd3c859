using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MySqlConnector;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>
/// MariaDB (a private mariadbd) killed and started again under a silo and a client-mode API while a task runs:
/// meanwhile every route answers within a few seconds and never with a 500 (those that need the database with HTTP 200,
/// `stat:false` and that it is unavailable); once it is back the task finishes, its result and log are complete, and a
/// new task runs.
/// </summary>
public sealed class MariaDbRestartTests : IAsyncLifetime
{
    private const string J = "/api/job";
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(5);
    // Not the running task's: the sweep's kill must not stop it; an unknown task also has to be activated from storage.
    private const string UnknownUuid = "Sweep0uuid1a";
    private const string Readiness = "GET /readyz";
    private const string DatabaseAway = "the database is unavailable, try again later";

    private readonly string workDir = Directory.CreateTempSubdirectory("openc3-db-restart-").FullName;
    private readonly string baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
    private PrivateMariaDb database = null!;
    private ProductProcess? silo;
    private ProductProcess? api;

    public async Task InitializeAsync()
    {
        database = await PrivateMariaDb.CreateAsync();
        await database.StartAsync();
        var common = MariaDbCluster.MemberSettings(ClusterAuthority.Create(workDir, "restart"), database.ConnectionString);
        silo = await ProductProcess.StartSiloAsync(MariaDbCluster.SiloSettings(common), workDir);
        api = await ProductProcess.StartApiAsync(MariaDbCluster.ClientApiSettings(common, baseUrl), workDir);
    }

    [Fact]
    public async Task WhileMariaDbIsDown_TheApiAnswersStatFalseQuickly_AndOnceItIsBack_TheTaskFinishesWithNothingLost()
    {
        using var app = new ApiClient(baseUrl, MariaDbCluster.AppName, MariaDbCluster.AppKey);
        var hosts = TestServers.SshHosts.Skip(44).Take(3).ToList();
        var marks = Path.Combine(Path.GetTempPath(), $"openc3-db-restart-{Guid.NewGuid():N}");
        var started = Data(await PluginCommand.StartAsync(app, "db-restart", hosts, $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); echo before-$h; touch {marks}.$h; sleep 10; echo after-$h; touch {marks}.$h.done", 120));
        var uuid = started.GetProperty("uuid").GetString()!;
        await Eventually.WaitAsync(() => Task.FromResult(hosts.All(h => File.Exists($"{marks}.{h}"))), all => all, TimeSpan.FromSeconds(60), "all hosts to start");

        var document = await RouteSweep.DocumentAsync(app);
        await database.KillAsync();
        foreach (var (what, call) in new (string, Func<Task<HttpResponseMessage>>)[]
        {
            ("the task list", () => app.Http.GetAsync($"{J}/task/0")),
            ("a new task", () => app.Http.PostAsJsonAsync($"{J}/task/0/plugin_cmd", new { name = "while-down", user = TestServers.SshUser, node_type = "builtin", node_cont = hosts[0], scripts_type = "shell", scripts_cont = "true", timeout = 60 })),
        })
        {
            var clock = Stopwatch.StartNew();
            using var response = await call();
            Assert.True(clock.Elapsed < Answer, $"{what} answered after {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reply = await ApiClient.ReadAsync(response);
            Assert.False(reply.GetProperty("stat").GetBoolean(), $"{what}: {reply}");
            Assert.Equal(DatabaseAway, reply.GetProperty("info").GetString());
        }

        // Every route: an answer within a few seconds, never a 500 (readiness says 503); those that needed the database say so.
        var answers = await RouteSweep.SendAsync(app, document, name => name == "treeid" ? "0" : name.Contains("uuid", StringComparison.Ordinal) ? UnknownUuid : "1");
        Assert.Equal(503, answers.Single(a => a.Route == Readiness).Status);
        var faults = answers.Where(a => (a.Status >= 500 && a.Route != Readiness) || a.Elapsed >= Answer || a.Body.Contains("   at ", StringComparison.Ordinal)).ToList();
        Assert.True(faults.Count == 0, $"{faults.Count} of {answers.Count} routes answered badly while the database was down:\n{string.Join('\n', faults)}");
        var toldAway = answers.Count(a => a.Status == 200 && a.Body.Contains(DatabaseAway, StringComparison.Ordinal));
        Assert.True(toldAway >= answers.Count / 2, $"only {toldAway} of {answers.Count} routes said the database is away:\n{string.Join('\n', answers)}");

        // The hosts finish while the database is away; their results wait for it.
        await Eventually.WaitAsync(() => Task.FromResult(hosts.All(h => File.Exists($"{marks}.{h}.done"))), all => all, TimeSpan.FromSeconds(60), "all hosts to finish");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await database.StartAsync();

        var done = await Eventually.WaitAsync(
            async () => Data(await app.GetAsync($"{J}/task/0/{uuid}")).GetProperty("status").GetString(),
            s => s is "success" or "fail",
            TimeSpan.FromSeconds(90),
            "the task to finish once the database is back");
        Assert.Equal("success", done);
        var after = Data(await PluginCommand.StartAsync(app, "after-restart", [hosts[0]], "true", 60)).GetProperty("uuid").GetString()!;
        Assert.Equal("success", await Eventually.WaitAsync(
            async () => Data(await app.GetAsync($"{J}/task/0/{after}")).GetProperty("status").GetString(),
            s => s is "success" or "fail",
            TimeSpan.FromSeconds(60),
            "a task started after the restart to finish"));
        // Output the hosts printed while the database was down was kept and stored once it came back.
        await Eventually.WaitAsync(
            () => StoredLogAsync(started.GetProperty("loguuid").GetString()!),
            log => hosts.All(h => log.Contains($"before-{h}", StringComparison.Ordinal) && log.Contains($"after-{h}", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            "every host's output in the stored log");
        foreach (var host in hosts)
        {
            File.Delete($"{marks}.{host}");
            File.Delete($"{marks}.{host}.done");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { api, silo })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        await database.DisposeAsync();
        Directory.Delete(workDir, recursive: true);
    }

    private async Task<string> StoredLogAsync(string logUuid)
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT text FROM openc3_job_log WHERE log_uuid = @uuid", connection);
        command.Parameters.AddWithValue("@uuid", logUuid);
        await using var reader = await command.ExecuteReaderAsync();
        var text = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
        {
            text.Append(reader.GetString(0));
        }

        return text.ToString();
    }

    private static JsonElement Data(JsonElement reply)
    {
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("data");
    }
}
