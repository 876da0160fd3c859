using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Terminal;
using OpenC3.Grains.Catalog;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Terminal;

[StatelessWorker]
[GrainType("cmdlog")]
public sealed class CommandLogGrain(SqlDatabase database, TimeProvider clock) : Grain, ICommandLogGrain
{
    /// <summary>Upstream's `node` and `cmd` columns hold 500 characters; a longer pasted line is kept to that.</summary>
    private const int ColumnLength = 500;

    /// <summary>Upstream answered every row of the node; a terminal used for years is cut to the newest rows.</summary>
    private const int MaxRows = 10_000;

    public async Task Record(CommandLogEntry entry)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO openc3_job_cmdlog (projectid, `user`, node, usr, cmd, `time`) VALUES (@TreeId, @User, @Node, @Usr, @Cmd, @Time)",
            new { entry.TreeId, entry.User, Node = Cut(entry.Node), entry.Usr, Cmd = Cut(entry.Cmd), Time = TimeFormat.Now(clock) });
    }

    public async Task<IReadOnlyList<CommandLogRow>> Query(CommandLogFilter filter)
    {
        var where = new SqlFilter(new { filter.TreeId, MaxRows })
            .Contains("user", filter.User).Contains("node", filter.Node).Contains("usr", filter.Usr).Contains("cmd", filter.Cmd)
            .FromDay("time", filter.TimeStart).ToDay("time", filter.TimeEnd);
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<StoredRow>(
            $"""
            SELECT id AS Id, `user` AS User, node AS Node, usr AS Usr, cmd AS Cmd, `time` AS Time FROM (
              SELECT id, `user`, node, usr, cmd, `time` FROM openc3_job_cmdlog WHERE projectid = @TreeId{where.And} ORDER BY id DESC LIMIT @MaxRows
            ) newest ORDER BY id
            """,
            where.Parameters);
        return rows.Select(r => new CommandLogRow(r.Id, r.User, r.Node, r.Usr, r.Cmd, r.Time)).ToList();
    }

    private static string Cut(string value) => value.Length <= ColumnLength ? value : value[..ColumnLength];

    /// <summary>Settable, so Dapper converts MariaDB's unsigned id as it comes (a record's constructor would need the exact type).</summary>
    private sealed class StoredRow
    {
        public long Id { get; set; }

        public string User { get; set; } = string.Empty;

        public string Node { get; set; } = string.Empty;

        public string Usr { get; set; } = string.Empty;

        public string Cmd { get; set; } = string.Empty;

        public string Time { get; set; } = string.Empty;
    }
}
