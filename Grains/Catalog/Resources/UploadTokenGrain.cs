using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

[StatelessWorker]
[GrainType("jobtoken")]
public sealed class UploadTokenGrain(SqlDatabase database, TimeProvider clock)
    : TreeRowsGrain(new TreeRowTable(database, clock, "openc3_job_token", uniqueColumn: "token_hash", labelColumn: "describe")), IUploadTokenGrain
{
    public async Task<IReadOnlyList<UploadToken>> List(long treeId, RowFilter rows)
    {
        var where = new SqlFilter(new { treeId, status = TreeRowTable.Available }).Rows(rows);
        await using var connection = await database.OpenAsync();
        var found = await connection.QueryAsync<TokenRow>(
            $"""
            SELECT id AS Id, token_mask AS Mask, `describe` AS `Describe`, create_user AS CreateUser, create_time AS CreateTime, isjob AS IsJob, jobname AS JobName
            FROM openc3_job_token WHERE projectid = @treeId AND status = @status{where.And} ORDER BY id
            """,
            where.Parameters);
        return found.Select(r => new UploadToken(r.Id, r.Mask, r.Describe, r.CreateUser, r.CreateTime, r.IsJob, r.JobName)).ToList();
    }

    public async Task<TokenCreated> Create(long treeId, TokenInput input, string user)
    {
        var columns = new Dictionary<string, object?>
        {
            ["token_mask"] = TokenSecret.Mask(input.Token),
            ["describe"] = input.Describe,
            ["isjob"] = input.IsJob ? "1" : "0",
            ["jobname"] = input.JobName,
        };
        var id = await Rows.InsertAsync(treeId, TokenSecret.Hash(input.Token), columns, user);
        return id is null ? new TokenCreated(null, "token already exists") : new TokenCreated(id, null);
    }

    public async Task<TokenGrant> Authorize(long treeId, string token)
    {
        await using var connection = await database.OpenAsync();
        var found = (await connection.QueryAsync<GrantRow>(
            "SELECT projectid AS ProjectId, isjob AS IsJob, jobname AS JobName FROM openc3_job_token WHERE token_hash = @hash AND projectid IN (@treeId, 0) AND status = @status",
            new { hash = TokenSecret.Hash(token), treeId, status = TreeRowTable.Available })).ToList();
        if (found.Count == 0)
        {
            return new TokenGrant(false, false, string.Empty);
        }

        // Upstream starts a job only for the node's own token, never for a global (node 0) one.
        var own = found.FirstOrDefault(r => r.ProjectId == treeId);
        return new TokenGrant(true, own?.IsJob == "1", own?.JobName ?? string.Empty);
    }

    private sealed class TokenRow : AuditedRow
    {
        public string Mask { get; set; } = string.Empty;

        public string Describe { get; set; } = string.Empty;

        public string IsJob { get; set; } = string.Empty;

        public string JobName { get; set; } = string.Empty;
    }

    private sealed class GrantRow
    {
        public long ProjectId { get; set; }

        public string IsJob { get; set; } = string.Empty;

        public string JobName { get; set; } = string.Empty;
    }
}
