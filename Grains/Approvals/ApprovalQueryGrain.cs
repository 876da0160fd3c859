using Dapper;
using OpenC3.Grains.Abstractions.Approvals;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Approvals;

[StatelessWorker]
[GrainType("approval-query")]
public sealed class ApprovalQueryGrain(SqlDatabase database) : Grain, IApprovalQueryGrain
{
    private const string Select =
        "SELECT id AS Id, taskuuid AS TaskUuid, uuid AS Uuid, user AS User, name AS Name, submitter AS Submitter, oauuid AS OaUuid, " +
        "notifystatus AS NotifyStatus, cont AS Cont, opinion AS Opinion, remarks AS Remarks, create_time AS CreateTime, " +
        "finishtime AS FinishTime, assist AS Assist, everyone AS Everyone FROM openc3_job_approval";

    public async Task<IReadOnlyList<ApprovalRow>> Mine(string user, int limit)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<ApprovalRow>($"{Select} WHERE user = @user ORDER BY id DESC LIMIT @limit", new { user, limit })).ToList();
    }

    public async Task<ApprovalRow?> Find(string rowUuid)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<ApprovalRow>($"{Select} WHERE uuid = @rowUuid", new { rowUuid });
    }

    public async Task<IReadOnlyList<ApprovalRow>> Batch(string batchId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<ApprovalRow>($"{Select} WHERE taskuuid = @batchId ORDER BY id", new { batchId })).ToList();
    }
}
