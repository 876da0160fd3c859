using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Approvals;

/// <summary>Projects a batch's rows into `openc3_job_approval`, the table the approval routes list. Idempotent.</summary>
public sealed class ApprovalStore(SqlDatabase database)
{
    /// <summary>Upstream's column holds at most this much content.</summary>
    public const int MaxCont = 20000;

    private static readonly string[] Columns =
    [
        "taskuuid", "uuid", "user", "name", "submitter", "oauuid", "notifystatus", "cont", "opinion", "remarks", "create_time", "finishtime", "everyone",
    ];

    public async Task SaveAsync(string batchId, ApprovalState state)
    {
        var opening = state.Opening!;
        var machine = state.Machine!;
        var sql = database.Upsert("openc3_job_approval", Columns, ["uuid"], ["notifystatus", "opinion", "remarks", "finishtime"]);
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var row in machine.Rows)
        {
            await connection.ExecuteAsync(
                sql,
                new
                {
                    taskuuid = batchId,
                    uuid = row.Uuid,
                    user = row.User,
                    name = opening.Name,
                    submitter = machine.Submitter,
                    oauuid = "0",
                    notifystatus = row.NotifyStatus,
                    cont = opening.Cont.Length > MaxCont ? opening.Cont[..MaxCont] : opening.Cont,
                    opinion = row.Opinion,
                    remarks = row.Remarks,
                    create_time = TimeFormat.Format(state.CreatedAt),
                    finishtime = row.DecidedAt is { } decided ? TimeFormat.Format(decided) : null,
                    everyone = machine.Everyone ? "YES" : "NO",
                },
                transaction);
        }

        await transaction.CommitAsync();
    }

    /// <summary>The rows' table ids by row uuid (upstream's `${id}` of approval messages).</summary>
    public async Task<IReadOnlyDictionary<string, long>> IdsAsync(string batchId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Uuid, long Id)>("SELECT uuid, id FROM openc3_job_approval WHERE taskuuid = @batchId", new { batchId });
        return rows.ToDictionary(r => r.Uuid, r => r.Id, StringComparer.Ordinal);
    }
}
