using Dapper;
using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Agent;

/// <summary>What the check loop reads and writes: the node's switch and times, and the proxies of the node's own regions.</summary>
public sealed class ProxyCheckStore(SqlDatabase database, TimeProvider clock)
{
    public sealed record CheckedProxy(long Id, string Ip, ProxyHealth.Row Health);

    public async Task<bool> IsOnAsync(long treeId)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM openc3_agent_check WHERE projectid = @treeId", new { treeId }) == AgentCheckStatus.On;
    }

    /// <summary>Records the start of a round and which silo runs it (`slave`), as upstream.</summary>
    public async Task StartedAsync(long treeId, string slave)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE openc3_agent_check SET last_check = @now, slave = @slave WHERE projectid = @treeId", new { treeId, slave, now = TimeFormat.Now(clock) });
    }

    /// <summary>A round ran to its end (whatever the proxies answered): upstream's `last_success`.</summary>
    public async Task FinishedAsync(long treeId)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE openc3_agent_check SET last_success = @now WHERE projectid = @treeId", new { treeId, now = TimeFormat.Now(clock) });
    }

    public async Task<IReadOnlyList<CheckedProxy>> ProxiesAsync(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<CheckedRow>(
            $"SELECT {CheckedRow.Columns("p", "p.regionid")} FROM openc3_agent_proxy p JOIN openc3_agent_region r ON r.id = p.regionid WHERE r.projectid = @treeId ORDER BY p.id",
            new { treeId });
        return rows.Select(r => new CheckedProxy(r.Id, r.Ip, new ProxyHealth.Row(r.Status, r.Fail, r.Reason))).ToList();
    }

    /// <summary>Writes a probe's outcome; a success also records the version the proxy answered.</summary>
    public async Task RecordAsync(long proxyId, ProxyHealth.Row health, string? version)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE openc3_agent_proxy SET status = @Status, fail = @Fail, reason = @Reason, version = COALESCE(@version, version), edit_time = @now
            WHERE id = @proxyId
            """,
            new { proxyId, health.Status, health.Fail, health.Reason, version, now = TimeFormat.Now(clock) });
    }
}
