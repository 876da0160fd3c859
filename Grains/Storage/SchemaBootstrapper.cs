using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace OpenC3.Grains.Storage;

/// <summary>
/// Applies the embedded `db/&lt;provider&gt;/NNN-*.sql` files in order, each once, recording them in
/// `schema_version`. Several silos may start at once: SQLite serialises them with an immediate
/// transaction, MySQL with a named lock.
/// </summary>
public sealed class SchemaBootstrapper(SqlDatabase database, ILogger<SchemaBootstrapper> logger)
{
    private const string LockName = "openc3_schema";

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.IsMySql)
        {
            await ApplyMySqlAsync(connection);
        }
        else
        {
            await ApplySqliteAsync(connection);
        }
    }

    public IReadOnlyList<string> Scripts() =>
        typeof(SchemaBootstrapper).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith($"db/{database.ProviderName}/", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private async Task ApplySqliteAsync(DbConnection connection)
    {
        // WAL lets readers run beside the single writer; it is a property of the file, set once.
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)", transaction: transaction);
        await ApplyPendingAsync(connection, transaction);
        await transaction.CommitAsync();
    }

    private async Task ApplyMySqlAsync(DbConnection connection)
    {
        var locked = await connection.ExecuteScalarAsync<long?>("SELECT GET_LOCK(@name, 300)", new { name = LockName });
        if (locked != 1)
        {
            throw new InvalidOperationException("Could not take the schema lock within 5 minutes; another silo is stuck applying the schema.");
        }

        try
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version VARCHAR(200) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            await ApplyPendingAsync(connection, transaction: null);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT RELEASE_LOCK(@name)", new { name = LockName });
        }
    }

    private async Task ApplyPendingAsync(DbConnection connection, DbTransaction? transaction)
    {
        var applied = (await connection.QueryAsync<string>("SELECT version FROM schema_version", transaction: transaction)).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in Scripts())
        {
            var version = Path.GetFileName(resource);
            if (applied.Contains(version))
            {
                continue;
            }

            logger.LogInformation("Applying schema {Version} ({Provider})", version, database.ProviderName);
            await connection.ExecuteAsync(ReadResource(resource), transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, applied_at) VALUES (@version, @appliedAt)",
                new { version, appliedAt = DateTimeOffset.UtcNow.ToString("O") },
                transaction);
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded schema file {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
