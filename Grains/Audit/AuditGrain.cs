using Dapper;
using OpenC3.Grains.Abstractions.Audit;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Audit;

[StatelessWorker]
[GrainType("audit")]
public sealed class AuditGrain(SqlDatabase database, TimeProvider clock) : Grain, IAuditGrain
{
    public async Task Record(string user, string title, string content)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO openc3_connector_auditlog (`time`, `user`, `title`, `content`) VALUES (@time, @user, @title, @content)",
            new { time = TimeFormat.Now(clock), user, title = Truncate(title, 200), content = Truncate(content, 1000) });
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
