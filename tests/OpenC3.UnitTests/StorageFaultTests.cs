using Microsoft.Data.Sqlite;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.UnitTests;

public sealed class StorageFaultTests
{
    [Fact]
    public void AFullDisk_IsToldAsSuch_EvenWrappedByTheStorageBridge()
    {
        var full = new SqliteException("database or disk is full", 13);
        Assert.Equal(StorageFault.DiskFull, StorageFault.Describe(full));
        Assert.Equal(StorageFault.DiskFull, StorageFault.Describe(new OrleansException("Error from storage provider", full)));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(14)]
    public void ABusyOrBrokenDatabase_IsUnavailable(int sqliteCode) =>
        Assert.Equal(StorageFault.Unavailable, StorageFault.Describe(new SqliteException("x", sqliteCode)));

    [Fact]
    public void AWrongStatement_IsNoStorageFault_SoItStaysAnUnexpectedFault()
    {
        Assert.Null(StorageFault.Describe(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.Null(StorageFault.Describe(new SqliteException("no such table", 1)));
        Assert.Null(StorageFault.Describe(new InvalidOperationException("x")));
    }

    [Fact]
    public async Task Translate_ReplacesTheDriversException_AndLeavesOthersAlone()
    {
        var fault = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageFault.TranslateAsync(() => throw new SqliteException("disk I/O error", 10)));
        Assert.Equal(StorageFault.Unavailable, fault.Message);
        await Assert.ThrowsAsync<SqliteException>(() => StorageFault.TranslateAsync(() => throw new SqliteException("constraint", 19)));
    }
}
