using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

[StatelessWorker]
[GrainType("oaapproval")]
public sealed class OaApprovalGrain(SqlDatabase database, TimeProvider clock) : Grain, IOaApprovalGrain
{
    public const string Unconfirmed = "unconfirmed";

    public async Task<string> Create(string content, string submitter, string approver)
    {
        var uuid = Uuid.New();
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO openc3_connector_approval (uuid, content, submitter, approver, status, reason, create_time)
            VALUES (@uuid, @content, @submitter, @approver, @status, 'null', @now)
            """,
            new { uuid, content, submitter, approver, status = Unconfirmed, now = TimeFormat.Now(clock) });
        return uuid;
    }

    public async Task<OaApprovalState?> Query(string uuid)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<OaApprovalState>(
            "SELECT status AS Status, reason AS Reason FROM openc3_connector_approval WHERE uuid = @uuid", new { uuid });
    }
}
