using System.Data.Common;
using Dapper;

namespace OpenC3.Grains.Catalog;

/// <summary>The variables a job save maintains: added when steps reference them, removed when they no longer do.</summary>
public static class JobVariableStore
{
    private const string Table = "openc3_job_variable";

    public static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, string jobUuid, IReadOnlyDictionary<string, string> referenced, string user, string now)
    {
        var existing = await connection.QueryAsync<string>($"SELECT name FROM {Table} WHERE jobuuid = @jobUuid", new { jobUuid }, transaction);
        var plan = VariablePlan.For(existing, referenced);
        if (plan.Remove.Count > 0)
        {
            await connection.ExecuteAsync($"DELETE FROM {Table} WHERE jobuuid = @jobUuid AND name IN @names", new { jobUuid, names = plan.Remove }, transaction);
        }

        foreach (var name in plan.Add)
        {
            await connection.ExecuteAsync(
                $"INSERT INTO {Table} (jobuuid, name, value, `describe`, `option`, env, create_user, create_time) VALUES (@jobUuid, @name, '', '', '', @env, @user, @now)",
                new { jobUuid, name, env = plan.Env[name], user, now },
                transaction);
        }

        foreach (var envGroup in plan.Env.Where(pair => !plan.Add.Contains(pair.Key)).GroupBy(pair => pair.Value))
        {
            await connection.ExecuteAsync(
                $"UPDATE {Table} SET env = @env WHERE jobuuid = @jobUuid AND name IN @names",
                new { jobUuid, env = envGroup.Key, names = envGroup.Select(pair => pair.Key).ToList() },
                transaction);
        }
    }

    /// <summary>A copied job gets the source's variables with their values; the copier becomes their creator.</summary>
    public static Task CopyAsync(DbConnection connection, DbTransaction transaction, string fromJobUuid, string toJobUuid, string user, string now) =>
        connection.ExecuteAsync(
            $"""
            INSERT INTO {Table} (jobuuid, name, value, `describe`, `option`, env, create_user, create_time)
            SELECT @toJobUuid, name, value, `describe`, `option`, env, @user, @now FROM {Table} WHERE jobuuid = @fromJobUuid
            """,
            new { fromJobUuid, toJobUuid, user, now },
            transaction);
}
