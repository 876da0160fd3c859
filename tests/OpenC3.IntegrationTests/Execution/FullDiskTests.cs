using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// Issue 15, the SQLite database on a full disk: while the disk is full every route answers (HTTP 200 with
/// `stat:false` and the reason where it needed to write, never a 500 or a hang), the running task keeps its hosts'
/// results, the file stays intact, and once space is freed the product carries on without a restart.
/// </summary>
public sealed class FullDiskTests(FullDiskProduct product) : IClassFixture<FullDiskProduct>
{
    private const string DiskFull = "the database's disk is full, try again once space is freed";
    private const string UnknownUuid = "FullDisk0x1a";
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TheDiskFillsWhileATaskRuns_EveryRouteAnswers_NothingIsCorrupted_AndTheProductRecoversOnceSpaceIsFreed()
    {
        using var app = product.App();
        var document = await RouteSweep.DocumentAsync(app);
        var hosts = TestServers.SshHosts.Skip(150).Take(2).ToList();
        var (task, log) = await StartAsync(app, hosts, "echo started; sleep 6; seq 1 500; echo finished");
        await LiveLog.ReadAsync(product.BaseUrl, log, $"{hosts[1]}: started");

        var filler = await FillAsync();
        using (var response = await StartRawAsync(app, hosts[..1]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reply = await ApiClient.ReadAsync(response);
            Assert.False(reply.GetProperty("stat").GetBoolean(), reply.ToString());
            Assert.Equal(DiskFull, reply.GetProperty("info").GetString());
        }

        var answers = await RouteSweep.SendAsync(app, document, name => name == "treeid" ? "0" : name.Contains("uuid", StringComparison.Ordinal) ? UnknownUuid : "1");
        var faults = answers.Where(a => a.Status >= 500 || a.Elapsed >= Answer || a.Body.Contains("   at ", StringComparison.Ordinal)).ToList();
        Assert.True(faults.Count == 0, $"{faults.Count} of {answers.Count} routes answered badly on a full disk:\n{string.Join('\n', faults)}");
        Assert.False(product.Process.HasExited, "the product exited on a full disk");
        // The hosts finish meanwhile; their results wait for space.
        await Task.Delay(TimeSpan.FromSeconds(8));

        File.Delete(filler);
        var done = await WaitFinishedAsync(app, 0, task);
        Assert.True(done.Status() == "success", $"the task that ran across the full disk ended {done}");
        var text = await LiveLog.ReadAsync(product.BaseUrl, log, "substatus");
        Assert.All(hosts, h => Assert.Contains($"{h}: finished", text, StringComparison.Ordinal));

        var (after, afterLog) = await StartAsync(app, hosts[..1], "echo healthy");
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, after)).Status());
        Assert.Contains($"{hosts[0]}: healthy", await LiveLog.ReadAsync(product.BaseUrl, afterLog, "substatus"), StringComparison.Ordinal);
        Assert.Equal("ok", IntegrityCheck());
    }

    /// <summary>
    /// Empties the write-ahead log into the file first (so no reusable log space is left), then fills the disk to
    /// the last byte. Answers the filler's path.
    /// </summary>
    private async Task<string> FillAsync()
    {
        await Eventually.WaitAsync(() => Task.FromResult(TruncateWriteAheadLog()), truncated => truncated, TimeSpan.FromSeconds(30), "a write-ahead log checkpoint without readers");
        var filler = Path.Combine(product.Disk, "filler");
        await using var stream = new FileStream(filler, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        foreach (var size in new[] { 1 << 20, 4096, 1 })
        {
            var chunk = new byte[size];
            try
            {
                // Bounded by the tmpfs: 20 MB at most.
                while (true)
                {
                    stream.Write(chunk);
                }
            }
            catch (IOException)
            {
                // No space for a chunk of this size; go on with smaller ones.
            }
        }

        return filler;
    }

    private bool TruncateWriteAheadLog()
    {
        using var connection = new SqliteConnection($"Data Source={product.File};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0) == 0;
    }

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={product.File};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static Task<HttpResponseMessage> StartRawAsync(ApiClient app, IReadOnlyList<string> hosts, string script = "true") =>
        app.Http.PostAsJsonAsync("/api/job/task/0/plugin_cmd", new
        {
            name = "full-disk", user = TestServers.SshUser, node_type = "builtin", node_cont = string.Join(',', hosts), scripts_type = "shell", scripts_cont = script, timeout = 60,
        });

    private static async Task<(string Task, string Log)> StartAsync(ApiClient app, IReadOnlyList<string> hosts, string script)
    {
        using var response = await StartRawAsync(app, hosts, script);
        var reply = await ApiClient.ReadAsync(response);
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        var data = reply.GetProperty("data");
        return (data.GetProperty("uuid").GetString()!, data.GetProperty("loguuid").GetString()!);
    }
}
