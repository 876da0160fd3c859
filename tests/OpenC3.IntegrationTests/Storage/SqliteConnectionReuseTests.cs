using Dapper;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Storage;

namespace OpenC3.IntegrationTests.Storage;

/// <summary>The embedded profile reuses its SQLite connections; what one user leaves behind must never reach the next.</summary>
public sealed class SqliteConnectionReuseTests
{
    [Fact]
    public async Task AConnectionGivenBackInsideATransaction_IsNotReused_AndItsWritesAreRolledBack()
    {
        using var database = new SqlDatabase(Options.Create(ScratchStorage.Sqlite("openc3-reuse-")));
        await using (var setup = await database.OpenAsync())
        {
            await setup.ExecuteAsync("CREATE TABLE t (v INTEGER)");
        }

        var abandoned = await database.OpenAsync();
        var transaction = await abandoned.BeginTransactionAsync();
        await abandoned.ExecuteAsync("INSERT INTO t (v) VALUES (1)", transaction: transaction);
        await abandoned.DisposeAsync();

        await using var next = await database.OpenAsync();
        Assert.NotSame(abandoned, next);
        Assert.Equal(0, await next.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"));

        // The file is not left locked: the next writer gets in at once.
        await next.ExecuteAsync("INSERT INTO t (v) VALUES (2)");
        Assert.Equal(1, await next.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public async Task AConnectionDisposedTwice_IsHandedToOneUserOnly()
    {
        using var database = new SqlDatabase(Options.Create(ScratchStorage.Sqlite("openc3-reuse-")));
        var first = await database.OpenAsync();
        await first.DisposeAsync();
        await first.DisposeAsync();

        await using var a = await database.OpenAsync();
        await using var b = await database.OpenAsync();
        Assert.NotSame(a, b);
        Assert.True(ReferenceEquals(a, first) || ReferenceEquals(b, first), "a connection given back is reused");
    }

    [Fact]
    public async Task ManyConcurrentUsers_EachGetAConnectionOfTheirOwn_AndEveryWriteIsKept()
    {
        using var database = new SqlDatabase(Options.Create(ScratchStorage.Sqlite("openc3-reuse-")));
        await using (var setup = await database.OpenAsync())
        {
            await setup.ExecuteAsync("CREATE TABLE t (v INTEGER)");
        }

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await using var connection = await database.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("INSERT INTO t (v) VALUES (@i)", new { i }, transaction);
            await transaction.CommitAsync();
        })));

        await using var check = await database.OpenAsync();
        Assert.Equal(200, await check.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT v) FROM t"));
    }
}
