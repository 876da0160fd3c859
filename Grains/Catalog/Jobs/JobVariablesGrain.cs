using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

[StatelessWorker]
[GrainType("jobvariables")]
public sealed class JobVariablesGrain(SqlDatabase database, ServerSecrets secrets, TimeProvider clock) : Grain, IJobVariablesGrain
{
    private const string Table = "openc3_job_variable";
    private const string UpdateTokenSecret = "job-variable-update-token";
    private const string JobOfNode = "SELECT COUNT(*) FROM openc3_job_jobs WHERE projectid = @treeId AND uuid = @jobUuid";

    public async Task<IReadOnlyList<JobVariable>> List(long treeId, string jobUuid, VariableQuery query)
    {
        var parameters = new DynamicParameters(new { treeId, jobUuid });
        var conditions = string.Empty;
        if (query.OnlyEmpty)
        {
            conditions += " AND value = ''";
        }

        if (query.Env is { } env)
        {
            // A variable tagged for the other environment is not asked for.
            conditions += " AND env <> @otherEnv";
            parameters.Add("otherEnv", env == VariableReferences.TestEnv ? VariableReferences.OnlineEnv : VariableReferences.TestEnv);
        }

        if (query.Exclude.Count > 0)
        {
            conditions += " AND name NOT IN @exclude";
            parameters.Add("exclude", query.Exclude);
        }

        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<VariableRow>(
            $"""
            SELECT id AS Id, name AS Name, value AS Value, `describe` AS `Describe`, `option` AS `Option`, create_user AS CreateUser, create_time AS CreateTime
            FROM {Table} WHERE jobuuid IN (SELECT uuid FROM openc3_job_jobs WHERE projectid = @treeId AND uuid = @jobUuid){conditions}
            """,
            parameters);
        return rows
            .Select(r => new JobVariable(r.Id, r.Name, r.Value, SpecialVariables.Describe(r.Name, r.Describe), r.Option, r.CreateUser, r.CreateTime))
            .OrderBy(v => v.Describe, StringComparer.Ordinal)
            .ThenBy(v => v.Id)
            .ToList();
    }

    public async Task<int> Replace(long treeId, string jobUuid, VariableInput variable, string user)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await connection.ExecuteScalarAsync<long>(JobOfNode, new { treeId, jobUuid }, transaction) == 0)
        {
            return 0;
        }

        var replaced = await ReplaceAsync(connection, transaction, jobUuid, variable, user);
        await transaction.CommitAsync();
        return replaced;
    }

    public async Task<bool> Update(long treeId, string jobUuid, IReadOnlyList<VariableInput> variables, string user)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await connection.ExecuteScalarAsync<long>(JobOfNode, new { treeId, jobUuid }, transaction) == 0)
        {
            return false;
        }

        foreach (var variable in variables)
        {
            if (SpecialVariables.MayBeCreatedByUpdate(variable.Name))
            {
                await ReplaceAsync(connection, transaction, jobUuid, variable, user);
            }
            else
            {
                await connection.ExecuteAsync(
                    $"UPDATE {Table} SET value = @Value, `describe` = @Describe, `option` = @Option, create_user = @user WHERE jobuuid = @jobUuid AND name = @Name",
                    new { variable.Name, variable.Value, variable.Describe, variable.Option, user, jobUuid },
                    transaction);
            }
        }

        await transaction.CommitAsync();
        return true;
    }

    public async Task<int> Delete(long treeId, string jobUuid, string name)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            $"DELETE FROM {Table} WHERE name = @name AND jobuuid IN (SELECT uuid FROM openc3_job_jobs WHERE projectid = @treeId AND uuid = @jobUuid)",
            new { treeId, jobUuid, name });
    }

    public async Task<int> DeleteOfJobId(long jobId, string name)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            $"DELETE FROM {Table} WHERE name = @name AND jobuuid IN (SELECT uuid FROM openc3_job_jobs WHERE id = @jobId)",
            new { jobId, name });
    }

    public async Task<string> UpdateToken(long treeId, string jobUuid, string name)
    {
        var key = await secrets.GetAsync(UpdateTokenSecret);
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{treeId}::{jobUuid}::{name}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, message));
    }

    public async Task<int> SetOption(long treeId, string jobUuid, string name, string text, bool asValue)
    {
        var column = asValue ? "value" : "`option`";
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            $"UPDATE {Table} SET {column} = @text WHERE name = @name AND jobuuid IN (SELECT uuid FROM openc3_job_jobs WHERE projectid = @treeId AND uuid = @jobUuid)",
            new { treeId, jobUuid, name, text });
    }

    /// <summary>MySQL's REPLACE on both profiles: the old row goes (its env tag with it), a new one comes; counts both.</summary>
    private async Task<int> ReplaceAsync(DbConnection connection, DbTransaction transaction, string jobUuid, VariableInput variable, string user)
    {
        var removed = await connection.ExecuteAsync($"DELETE FROM {Table} WHERE jobuuid = @jobUuid AND name = @Name", new { jobUuid, variable.Name }, transaction);
        await connection.ExecuteAsync(
            $"INSERT INTO {Table} (jobuuid, name, value, `describe`, `option`, env, create_user, create_time) VALUES (@jobUuid, @Name, @Value, @Describe, @Option, '', @user, @now)",
            new { jobUuid, variable.Name, variable.Value, variable.Describe, variable.Option, user, now = TimeFormat.Now(clock) },
            transaction);
        return removed + 1;
    }

    private sealed class VariableRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Value { get; set; } = string.Empty;

        public string Describe { get; set; } = string.Empty;

        public string Option { get; set; } = string.Empty;

        public string CreateUser { get; set; } = string.Empty;

        public string CreateTime { get; set; } = string.Empty;
    }
}
