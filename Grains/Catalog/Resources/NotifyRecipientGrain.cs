using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

[StatelessWorker]
[Reentrant]
[GrainType("jobnotify")]
public sealed class NotifyRecipientGrain(SqlDatabase database, TimeProvider clock)
    : TreeValuesGrain(new TreeRowTable(database, clock, "openc3_job_notify", uniqueColumn: "user", labelColumn: "user")), INotifyRecipientGrain
{
    public async Task<IReadOnlyList<NotifyRecipient>> List(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var found = await connection.QueryAsync<RecipientRow>(
            """
            SELECT id AS Id, user AS User, create_user AS CreateUser, create_time AS CreateTime
            FROM openc3_job_notify WHERE projectid = @treeId AND status = @status ORDER BY id
            """,
            new { treeId, status = TreeRowTable.Available });
        return found.Select(r => new NotifyRecipient(r.Id, r.User, r.CreateUser, r.CreateTime)).ToList();
    }

    private sealed class RecipientRow : AuditedRow
    {
        public string User { get; set; } = string.Empty;
    }
}
