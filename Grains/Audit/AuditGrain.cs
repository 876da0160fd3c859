using Dapper;
using OpenC3.Grains.Abstractions.Audit;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Audit;

[StatelessWorker]
[Reentrant]
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

    public async Task<IReadOnlyList<AuditRow>> Query(AuditFilter filter)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<AuditRow>(
            """
            SELECT `time` AS Time, `user` AS User, title AS Title, content AS Content FROM openc3_connector_auditlog
            WHERE (@time IS NULL OR `time` LIKE @time ESCAPE '!') AND (@user IS NULL OR `user` LIKE @user ESCAPE '!')
              AND (@title IS NULL OR title LIKE @title ESCAPE '!') AND (@content IS NULL OR content LIKE @content ESCAPE '!')
            ORDER BY id DESC LIMIT 1000
            """,
            new
            {
                time = filter.Time is null ? null : Like.Escape(filter.Time) + "%",
                user = Contains(filter.User),
                title = Contains(filter.Title),
                content = Contains(filter.Content),
            });
        return rows.ToList();
    }

    private static string? Contains(string? value) => value is null ? null : "%" + Like.Escape(value) + "%";

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
