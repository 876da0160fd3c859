using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Logs;

/// <summary>
/// Appends log text in batches (every 200 ms, one transaction) so hundreds of hosts printing at once
/// cost a few writes, not one per line. Readers poll the table, so any API host can tail any log.
/// </summary>
public sealed class LogWriter(SqlDatabase database, ILogger<LogWriter> logger) : BackgroundService
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    /// <summary>How much log text waits in memory while the database is away.</summary>
    private const long CarriedChars = 64L * 1024 * 1024;

    /// <summary>Rows per insert statement (two parameters each, far under SQLite's limit of 32,766).</summary>
    private const int StatementRows = 200;

    /// <summary>
    /// Text per insert statement: after UTF-8 and escaping at most about 1.5 MB, inside the `max_allowed_packet` even of a
    /// server configured below its default (MariaDB 16 MB, MySQL 64 MB).
    /// </summary>
    private const long StatementChars = 256 * 1024;

    private readonly List<(string LogUuid, string Text)> carried = [];
    private bool failing;
    private readonly ConcurrentQueue<(string LogUuid, string Text)> pending = new();
    private readonly SemaphoreSlim arrived = new(0);

    /// <summary>1 once a piece arrived since the writer last looked: only that first piece wakes it.</summary>
    private int signalled;

    /// <summary>
    /// Without a lock: grain turns append here, and a channel's writer lock, however short, queued a dozen of them
    /// behind a preempted holder under load (a thread-time profile of 50 concurrent tasks).
    /// </summary>
    public void Append(string logUuid, string text)
    {
        if (text.Length > 0)
        {
            pending.Enqueue((logUuid, text));
            if (Interlocked.Exchange(ref signalled, 1) == 0)
            {
                arrived.Release();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                if (carried.Count == 0 && pending.IsEmpty)
                {
                    await arrived.WaitAsync(stoppingToken);
                }
                else
                {
                    // More than one batch was waiting (or a retry is due): the wake-up it left is not needed.
                    arrived.Wait(0);
                }

                Volatile.Write(ref signalled, 0);
                await FlushAsync();
                await Task.Delay(carried.Count > 0 ? RetryEvery : FlushEvery, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: whatever is queued is written below.
        }

        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        var batch = new List<(string LogUuid, string Text)>(carried);
        carried.Clear();
        while (batch.Count < 5000 && pending.TryDequeue(out var item))
        {
            batch.Add(item);
        }

        if (batch.Count == 0)
        {
            return;
        }

        // Consecutive pieces of the same log become one row.
        var rows = new List<(string LogUuid, string Text)>();
        foreach (var group in batch.GroupBy(b => b.LogUuid))
        {
            rows.Add((group.Key, string.Concat(group.Select(g => g.Text))));
        }

        try
        {
            var time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await using var connection = await database.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var chunk in Chunks(rows))
            {
                await InsertAsync(connection, transaction, chunk, time);
            }

            await transaction.CommitAsync();
            if (failing)
            {
                failing = false;
                logger.LogInformation("Log rows are stored again");
            }
        }
        catch (Exception error)
        {
            Carry(rows, error);
        }
    }

    /// <summary>
    /// Consecutive rows whose text fits <see cref="StatementChars"/> (a longer row alone), at most <see cref="StatementRows"/>:
    /// one statement each, instead of one per row, which under load was the most frequent statement a task caused.
    /// </summary>
    private static IEnumerable<List<(string LogUuid, string Text)>> Chunks(List<(string LogUuid, string Text)> rows)
    {
        var chunk = new List<(string LogUuid, string Text)>();
        var chars = 0L;
        foreach (var row in rows)
        {
            if (chunk.Count > 0 && (chunk.Count == StatementRows || chars + row.Text.Length > StatementChars))
            {
                yield return chunk;
                chunk = [];
                chars = 0;
            }

            chunk.Add(row);
            chars += row.Text.Length;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static Task InsertAsync(DbConnection connection, DbTransaction transaction, List<(string LogUuid, string Text)> chunk, long time)
    {
        var sql = new StringBuilder("INSERT INTO openc3_job_log (log_uuid, text, time) VALUES ");
        var parameters = new DynamicParameters();
        parameters.Add("time", time);
        for (var i = 0; i < chunk.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@u{i}, @t{i}, @time)");
            parameters.Add($"u{i}", chunk[i].LogUuid);
            parameters.Add($"t{i}", chunk[i].Text);
        }

        return connection.ExecuteAsync(sql.ToString(), parameters, transaction);
    }

    /// <summary>Rows that could not be stored wait for the next try, up to <see cref="CarriedChars"/>; beyond it the oldest are lost.</summary>
    private void Carry(List<(string LogUuid, string Text)> rows, Exception error)
    {
        var kept = 0L;
        var keep = rows.AsEnumerable().Reverse().TakeWhile(r => (kept += r.Text.Length) <= CarriedChars).Reverse().ToList();
        var firstFailure = !failing;
        carried.AddRange(keep);
        failing = true;
        if (keep.Count < rows.Count)
        {
            logger.LogError(error, "Could not store log rows; {Lost} of {Rows} are lost, the rest is tried again", rows.Count - keep.Count, rows.Count);
        }
        else if (firstFailure)
        {
            logger.LogWarning("Could not store {Rows} log rows ({Error}); trying again every {Seconds} s", rows.Count, error.Message, RetryEvery.TotalSeconds);
        }
    }
}
