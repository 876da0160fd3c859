using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Storage;

namespace OpenC3.IntegrationTests.Storage;

public sealed class SchemaBootstrapperTests
{
    [Fact]
    public async Task SeveralSilosStartingAtOnce_OnSqlite_ApplyEachFileOnce()
    {
        await AssertConcurrentBootstrapAsync(ScratchStorage.Sqlite("openc3-schema-"));
    }

    [Fact]
    public async Task SeveralSilosStartingAtOnce_OnMariaDb_ApplyEachFileOnce()
    {
        await AssertConcurrentBootstrapAsync(await ScratchStorage.MariaDbAsync());
    }

    private static async Task AssertConcurrentBootstrapAsync(StorageOptions options)
    {
        var database = new SqlDatabase(Options.Create(options));
        var bootstrappers = Enumerable.Range(0, 4).Select(_ => new SchemaBootstrapper(database, NullLogger<SchemaBootstrapper>.Instance)).ToList();
        await Task.WhenAll(bootstrappers.Select(b => b.ApplyAsync(CancellationToken.None)));

        await using var connection = await database.OpenAsync();
        var applied = (await connection.QueryAsync<string>("SELECT version FROM schema_version")).Order(StringComparer.Ordinal).ToList();
        var expected = bootstrappers[0].Scripts().Select(s => Path.GetFileName(s)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, applied);

        // A restart finds nothing left to do.
        await bootstrappers[0].ApplyAsync(CancellationToken.None);
        Assert.Equal(applied.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
    }
}
