using Dapper;
using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Agent;

[StatelessWorker]
[GrainType("agentcheck")]
public sealed class AgentCheckGrain(SqlDatabase database, TimeProvider clock) : Grain, IAgentCheckGrain
{

    public async Task<CheckSwitch?> Switch(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<SwitchRow>(
            "SELECT status AS Status, last_check AS LastCheck, last_success AS LastSuccess, slave AS Slave FROM openc3_agent_check WHERE projectid = @treeId", new { treeId });
        return row is null ? null : new CheckSwitch(row.Status, row.LastCheck, row.LastSuccess, row.Slave);
    }

    public async Task Set(long treeId, string status, string user)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            database.Upsert("openc3_agent_check", ["projectid", "user", "status", "create_time"], ["projectid"], ["user", "status"]),
            new { projectid = treeId, user, status, create_time = TimeFormat.Now(clock) });
    }

    public async Task<AgentCounts> Counts()
    {
        await using var connection = await database.OpenAsync();
        return new AgentCounts(
            await CountByStatusAsync(connection, "openc3_agent_proxy"),
            await CountByStatusAsync(connection, "openc3_agent_monitor"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM openc3_agent_check WHERE status = @on", new { on = AgentCheckStatus.On }));
    }

    public async Task<IReadOnlyList<HostMonitorRow>> Monitor(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<MonitorRow>(
            "SELECT ip AS Ip, status AS Status, fail AS Fail, reason AS Reason, version AS Version, edit_time AS EditTime FROM openc3_agent_monitor WHERE projectid = @treeId",
            new { treeId });
        return rows.Select(r => new HostMonitorRow(r.Ip, r.Status, r.Fail, r.Reason, r.Version, r.EditTime)).ToList();
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(System.Data.Common.DbConnection connection, string table)
    {
        var rows = await connection.QueryAsync<StatusCountRow>($"SELECT status AS Status, COUNT(*) AS Count FROM {table} GROUP BY status");
        return rows.ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal);
    }

    private sealed class SwitchRow
    {
        public string Status { get; set; } = string.Empty;

        public string LastCheck { get; set; } = string.Empty;

        public string LastSuccess { get; set; } = string.Empty;

        public string? Slave { get; set; }
    }

    private sealed class MonitorRow
    {
        public string Ip { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public long Fail { get; set; }

        public string? Reason { get; set; }

        public string? Version { get; set; }

        public string EditTime { get; set; } = string.Empty;
    }
}
