using Dapper;
using OpenC3.Grains.Abstractions.Logs;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Logs;

[StatelessWorker]
[Reentrant]
[GrainType("log")]
public sealed class LogGrain(SqlDatabase database) : Grain, ILogGrain
{
    public async Task<LogChunk> Read(string logUuid, long afterId, int maxBytes)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(long Id, string Text)>(
            "SELECT id, text FROM openc3_job_log WHERE log_uuid = @logUuid AND id > @afterId ORDER BY id LIMIT 200",
            new { logUuid, afterId });
        var text = new System.Text.StringBuilder();
        var last = afterId;
        foreach (var (id, chunk) in rows)
        {
            if (text.Length > 0 && text.Length + chunk.Length > maxBytes)
            {
                break;
            }

            text.Append(chunk);
            last = id;
        }

        return new LogChunk(last, text.ToString());
    }
}
