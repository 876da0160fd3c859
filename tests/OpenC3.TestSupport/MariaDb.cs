using MySqlConnector;

namespace OpenC3.TestSupport;

/// <summary>A fresh, empty database on the test MariaDB for each fixture, so parallel tests never share state.</summary>
public static class MariaDb
{
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"openc3_t{Guid.NewGuid():N}"[..24];
        await using var connection = new MySqlConnection(TestServers.MySqlAdmin);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4", connection);
        await command.ExecuteNonQueryAsync();
        return new MySqlConnectionStringBuilder(TestServers.MySqlAdmin) { Database = name }.ConnectionString;
    }
}
