using System.Collections.Concurrent;
using System.Security.Cryptography;
using Dapper;

namespace OpenC3.Grains.Storage;

/// <summary>
/// Named random keys kept in the database (`openc3_server_secret`): created once by whichever silo asks
/// first, then the same on every silo and across restarts. Each is read once per process.
/// </summary>
public sealed class ServerSecrets(SqlDatabase database)
{
    private const int KeyBytes = 32;

    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> loaded = new(StringComparer.Ordinal);

    public Task<byte[]> GetAsync(string name) =>
        loaded.GetOrAdd(name, key => new Lazy<Task<byte[]>>(() => LoadOrCreateAsync(key))).Value;

    private async Task<byte[]> LoadOrCreateAsync(string name)
    {
        // Two silos starting together both insert; the ignored insert loses and both read the winner's value.
        var insert = database.IsMySql
            ? "INSERT IGNORE INTO openc3_server_secret (name, secret) VALUES (@name, @secret)"
            : "INSERT OR IGNORE INTO openc3_server_secret (name, secret) VALUES (@name, @secret)";
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(insert, new { name, secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)) });
        var stored = await connection.QuerySingleAsync<string>("SELECT secret FROM openc3_server_secret WHERE name = @name", new { name });
        return Convert.FromBase64String(stored);
    }
}
