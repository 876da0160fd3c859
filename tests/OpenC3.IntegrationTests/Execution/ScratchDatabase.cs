using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Agent;
using OpenC3.Grains.Execution;
using OpenC3.Grains.Storage;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>A throwaway SQLite database with the product's schema, for parts used outside the product (the SSH pool's pinned keys).</summary>
public sealed class ScratchDatabase : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("openc3-scratch-").FullName;
    private readonly SqlDatabase database;

    public ScratchDatabase()
    {
        database = new SqlDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(directory, "scratch.db")}" }));
        KnownHosts = new KnownHostStore(database, TimeProvider.System);
        Routes = new ProxyRoutes(database, TimeProvider.System);
    }

    public KnownHostStore KnownHosts { get; }

    /// <summary>No region is bound here, so every host is reached directly.</summary>
    public ProxyRoutes Routes { get; }

    public Task CreateAsync() => new SchemaBootstrapper(database, NullLogger<SchemaBootstrapper>.Instance).ApplyAsync(CancellationToken.None);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
