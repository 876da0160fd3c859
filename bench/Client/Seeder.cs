using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace OpenC3.Bench;

/// <summary>
/// Scenario 4's data, written straight into the product's read tables in one transaction (no real runs):
/// `--tasks` finished tasks round-robin over tree nodes 1..`--nodes`, started one per minute back from now,
/// and `--jobs` jobs the same way. Uuids are `bt` / `bj` + the number, so the read load can name them.
/// </summary>
public static class Seeder
{
    public sealed record Result(int Tasks, int Jobs, int Nodes, double SeedS);

    public static string TaskUuid(int i) => $"bt{i:D10}";

    public static async Task<Result> RunAsync(Options options)
    {
        var tasks = options.Number("tasks", 10_000);
        var jobs = options.Number("jobs", 1_000);
        var nodes = options.Number("nodes", 100);
        var clock = Stopwatch.StartNew();
        await using DbConnection connection = options.Text("provider", "sqlite") == "mysql"
            ? new MySqlConnection(options.Text("db"))
            : new SqliteConnection(options.Text("db"));
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTime.Now;
        await InsertAsync(connection, transaction, jobs,
            "INSERT INTO openc3_job_jobs (projectid, uuid, name, uuids, status, mon_ids, mon_status, create_user, create_time, edit_user, edit_time) " +
            "VALUES (@node, @uuid, @name, '', 'permanent', '', 0, 'bench', @time, 'bench', @time)",
            i => new()
            {
                ["node"] = i % nodes + 1, ["uuid"] = $"bj{i:D10}", ["name"] = $"bench-job-{i}", ["time"] = Time(now.AddMinutes(-i)),
            });
        await InsertAsync(connection, transaction, tasks,
            "INSERT INTO openc3_job_task (projectid, uuid, name, `user`, slave, status, starttimems, finishtimems, starttime, finishtime, calltype, jobtype, jobuuid, runtime, mutex, reason, variable, extid) " +
            "VALUES (@node, @uuid, @name, 'bench@app', 'bench', 'success', @startms, @finishms, @start, @finish, 'api', 'jobs', @job, '2', '', NULL, NULL, '')",
            i =>
            {
                var start = now.AddMinutes(-i);
                var epoch = new DateTimeOffset(start).ToUnixTimeMilliseconds() / 1000.0;
                return new()
                {
                    ["node"] = i % nodes + 1, ["uuid"] = TaskUuid(i), ["name"] = $"bench-job-{i % jobs}", ["job"] = $"bj{i % jobs:D10}",
                    ["startms"] = epoch.ToString("F3", CultureInfo.InvariantCulture), ["finishms"] = (epoch + 2).ToString("F3", CultureInfo.InvariantCulture),
                    ["start"] = Time(start), ["finish"] = Time(start.AddSeconds(2)),
                };
            });
        await transaction.CommitAsync();
        return new Result(tasks, jobs, nodes, Math.Round(clock.Elapsed.TotalSeconds, 3));
    }

    private static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>One prepared command, executed `count` times with the values of row i.</summary>
    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, int count, string sql, Func<int, Dictionary<string, object>> row)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in row(0).Keys)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }

        for (var i = 0; i < count; i++)
        {
            foreach (var (name, value) in row(i))
            {
                command.Parameters["@" + name].Value = value;
            }

            await command.ExecuteNonQueryAsync();
        }
    }
}
