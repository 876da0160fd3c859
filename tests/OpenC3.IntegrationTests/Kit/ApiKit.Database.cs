using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace OpenC3.IntegrationTests.Kit;

/// <summary>The product's own database and blob store, read and written as the execution engine would.</summary>
public static partial class ApiKit
{
    /// <summary>Runs SQL on the product's own database (SQLite file or MariaDB), as the execution engine would write rows.</summary>
    public static async Task<int> ExecuteSqlAsync(EmbeddedProduct product, string sql, object? parameters = null)
    {
        await using var connection = await OpenDatabaseAsync(product);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var property in parameters?.GetType().GetProperties() ?? [])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@{property.Name}";
            parameter.Value = property.GetValue(parameters) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row a query answers, as text (null when no row).</summary>
    public static async Task<string?> ScalarTextAsync(EmbeddedProduct product, string sql)
    {
        await using var connection = await OpenDatabaseAsync(product);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every text cell of a table, to prove a secret is stored nowhere.</summary>
    public static async Task<List<string>> AllTextAsync(EmbeddedProduct product, string table)
    {
        await using var connection = await OpenDatabaseAsync(product);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var cells = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return cells;
    }

    /// <summary>The product's blob store (its default `data/files` under the working folder).</summary>
    public static string BlobStore(EmbeddedProduct product) => Path.Combine(Path.GetDirectoryName(product.DatabaseFile)!, "files");

    private static async Task<DbConnection> OpenDatabaseAsync(EmbeddedProduct product)
    {
        var connectionString = product.Settings["Storage:ConnectionString"];
        DbConnection connection = product.Settings["Storage:Provider"] == "mysql" ? new MySqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
