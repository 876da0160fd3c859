using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Agent;

/// <summary>The check loop's monitor rows (`openc3_agent_monitor`): what it saw of each host of a node.</summary>
public sealed class HostCheckStore(SqlDatabase database, TimeProvider clock)
{
    private static readonly string[] Columns = ["projectid", "ip", "status", "fail", "reason", "version", "edit_time"];

    /// <summary>Failed checks in a row so far, by address.</summary>
    public async Task<IReadOnlyDictionary<string, long>> FailuresAsync(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<FailRow>("SELECT ip AS Ip, fail AS Fail FROM openc3_agent_monitor WHERE projectid = @treeId", new { treeId });
        return rows.ToDictionary(r => r.Ip, r => r.Fail, StringComparer.Ordinal);
    }

    public async Task RecordAsync(long treeId, string ip, HostHealth.Row health)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            database.Upsert("openc3_agent_monitor", Columns, ["projectid", "ip"], Columns[2..]),
            new { projectid = treeId, ip, status = health.Status, fail = health.Fail, reason = health.Reason, version = health.Version, edit_time = TimeFormat.Now(clock) });
    }

    private sealed class FailRow
    {
        public string Ip { get; set; } = string.Empty;

        public long Fail { get; set; }
    }
}
