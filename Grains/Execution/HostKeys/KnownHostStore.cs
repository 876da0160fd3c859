using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Execution;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Execution;

/// <summary>`openc3_job_knownhosts`: each (host, port)'s pinned SSH key and a different key it presented since.</summary>
public sealed class KnownHostStore(SqlDatabase database, TimeProvider clock)
{
    /// <summary>The user recorded for a key pinned by a connection rather than by an admin.</summary>
    public const string FirstUse = "first use";

    private const string Table = "openc3_job_knownhosts";

    private const string Columns =
        "host AS Host, port AS Port, keytype AS KeyType, fingerprint AS Fingerprint, presented_keytype AS PresentedKeyType, presented AS Presented, " +
        "create_user AS CreateUser, create_time AS CreateTime, edit_user AS EditUser, edit_time AS EditTime";

    public async Task<HostKeyView?> FindAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM {Table} WHERE host = @host AND port = @port", new { host, port }, cancellationToken: cancellationToken));
        return row?.View();
    }

    /// <summary>Pins the key unless the host has one already; returns what is pinned now (another silo may have been first).</summary>
    public async Task<HostKeyView> PinAsync(string host, int port, string keyType, string fingerprint, CancellationToken cancellationToken = default)
    {
        var now = TimeFormat.Now(clock);
        var ignore = database.IsMySql ? "INSERT IGNORE" : "INSERT OR IGNORE";
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"{ignore} INTO {Table} (host, port, keytype, fingerprint, create_user, create_time, edit_user, edit_time) VALUES (@host, @port, @keyType, @fingerprint, @user, @now, @user, @now)",
                new { host, port, keyType, fingerprint, user = FirstUse, now },
                cancellationToken: cancellationToken));
        }

        return await FindAsync(host, port, cancellationToken) ?? throw new InvalidOperationException($"the key of {host}:{port} was pinned and is gone");
    }

    /// <summary>Remembers the different key a pinned host presented, for an admin to accept.</summary>
    public async Task NotePresentedAsync(string host, int port, string keyType, string fingerprint)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            $"UPDATE {Table} SET presented_keytype = @keyType, presented = @fingerprint WHERE host = @host AND port = @port",
            new { host, port, keyType, fingerprint });
    }

    public async Task<IReadOnlyList<HostKeyView>> ListAsync()
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<Row>($"SELECT {Columns} FROM {Table} ORDER BY host, port")).Select(r => r.View()).ToList();
    }

    public async Task<int> AcceptAsync(string host, string user)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            $"UPDATE {Table} SET keytype = presented_keytype, fingerprint = presented, presented_keytype = NULL, presented = NULL, edit_user = @user, edit_time = @now " +
            "WHERE host = @host AND presented IS NOT NULL",
            new { host, user, now = TimeFormat.Now(clock) });
    }

    public async Task<int> ForgetAsync(string host)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync($"DELETE FROM {Table} WHERE host = @host", new { host });
    }

    /// <summary>Settable, so Dapper converts SQLite's Int64 port.</summary>
    private sealed class Row
    {
        public string Host { get; set; } = string.Empty;

        public int Port { get; set; }

        public string KeyType { get; set; } = string.Empty;

        public string Fingerprint { get; set; } = string.Empty;

        public string? PresentedKeyType { get; set; }

        public string? Presented { get; set; }

        public string CreateUser { get; set; } = string.Empty;

        public string CreateTime { get; set; } = string.Empty;

        public string EditUser { get; set; } = string.Empty;

        public string EditTime { get; set; } = string.Empty;

        public HostKeyView View() => new(Host, Port, KeyType, Fingerprint, PresentedKeyType, Presented, CreateUser, CreateTime, EditUser, EditTime);
    }
}
