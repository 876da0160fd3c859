using System.Data.Common;
using System.Globalization;
using Dapper;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Catalog;

/// <summary>
/// Deleted catalog rows stay, renamed `&lt;name&gt;_&lt;YYYYmmddHHMMSS&gt;` (jobs, scripts) or with three more
/// digits of milliseconds (node groups), so the name can be used again.
/// </summary>
public static class SoftDelete
{
    public const string Deleted = "deleted";

    public static string Suffix(DateTimeOffset now, bool milliseconds)
    {
        var local = now.ToLocalTime();
        var seconds = local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        return milliseconds ? "_" + seconds + local.ToString("fff", CultureInfo.InvariantCulture) : "_" + seconds;
    }

    /// <summary>The deleted name; <paramref name="taken"/> says whether a name is already used, which only a quick re-delete hits.</summary>
    public static string Rename(string name, string suffix, Func<string, bool> taken)
    {
        var renamed = name + suffix;
        for (var attempt = 1; taken(renamed); attempt++)
        {
            renamed = $"{name}{suffix}_{attempt}";
        }

        return renamed;
    }

    /// <summary>The name a row of <paramref name="table"/> takes when deleted now.</summary>
    public static async Task<string> DeletedNameAsync(DbConnection connection, DbTransaction transaction, string table, long treeId, string name, string suffix)
    {
        var taken = (await connection.QueryAsync<string>(
            $"SELECT name FROM {table} WHERE projectid = @treeId AND name LIKE @prefix ESCAPE '!'",
            new { treeId, prefix = Like.Escape(name + suffix) + "%" },
            transaction)).ToHashSet(StringComparer.Ordinal);
        return Rename(name, suffix, taken.Contains);
    }
}
