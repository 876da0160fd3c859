using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

[StatelessWorker]
[GrainType("jobuserlist")]
public sealed class RemoteAccountGrain(SqlDatabase database, TimeProvider clock)
    : TreeValuesGrain(new TreeRowTable(database, clock, "openc3_job_userlist", uniqueColumn: "username", labelColumn: "username")), IRemoteAccountGrain
{
    public async Task<IReadOnlyList<RemoteAccount>> List(long treeId, string? name, RowFilter rows)
    {
        var where = new SqlFilter(new { treeId, status = TreeRowTable.Available }).Contains("username", name).Rows(rows);
        await using var connection = await database.OpenAsync();
        var found = await connection.QueryAsync<AccountRow>(
            $"""
            SELECT id AS Id, projectid AS ProjectId, username AS Username, create_user AS CreateUser, create_time AS CreateTime
            FROM openc3_job_userlist WHERE projectid IN (@treeId, 0) AND status = @status{where.And} ORDER BY id
            """,
            where.Parameters);
        return found.Select(r => new RemoteAccount(r.Id, r.ProjectId, r.Username, r.CreateUser, r.CreateTime)).ToList();
    }

    private sealed class AccountRow : AuditedRow
    {
        public long ProjectId { get; set; }

        public string Username { get; set; } = string.Empty;
    }
}
