using System.Security.Cryptography;
using OpenC3.Grains.Diagnostics;
using OpenC3.Grains.Abstractions.Common;
using Orleans.Storage;

namespace OpenC3.IntegrationTests.Storage;

/// <summary>
/// The Orleans storage contract, run unchanged against each profile's real providers: our SQLite
/// ones and the ADO.NET ones on MariaDB with our schema files.
/// </summary>
public abstract class StorageContractTests(InProcessSilo silo)
{
    private const string StateName = "probe";

    [Fact]
    public async Task WriteReadClear_RoundTripsAStateOfSeveralMegabytes()
    {
        var grainId = NewGrainId();
        var payload = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        var written = new GrainState<ProbeState>(new ProbeState { Payload = payload, Ticks = 7 });
        await silo.GrainStorage.WriteStateAsync(StateName, grainId, written);
        Assert.NotNull(written.ETag);

        var read = new GrainState<ProbeState>();
        await silo.GrainStorage.ReadStateAsync(StateName, grainId, read);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(7, read.State!.Ticks);
        Assert.Equal(SHA256.HashData(payload), SHA256.HashData(read.State!.Payload));

        await silo.GrainStorage.ClearStateAsync(StateName, grainId, read);
        var afterClear = new GrainState<ProbeState>();
        await silo.GrainStorage.ReadStateAsync(StateName, grainId, afterClear);
        Assert.Empty(afterClear.State!.Payload);
        Assert.Equal(0, afterClear.State!.Ticks);
    }

    [Fact]
    public async Task StaleWriter_GetsInconsistentState_AndTheWinnerIsKept()
    {
        var grainId = NewGrainId();
        await silo.GrainStorage.WriteStateAsync(StateName, grainId, new GrainState<ProbeState>(new ProbeState { Ticks = 1 }));

        var first = new GrainState<ProbeState>();
        var second = new GrainState<ProbeState>();
        await silo.GrainStorage.ReadStateAsync(StateName, grainId, first);
        await silo.GrainStorage.ReadStateAsync(StateName, grainId, second);

        first.State!.Ticks = 2;
        await silo.GrainStorage.WriteStateAsync(StateName, grainId, first);
        second.State!.Ticks = 3;
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => silo.GrainStorage.WriteStateAsync(StateName, grainId, second));

        var current = new GrainState<ProbeState>();
        await silo.GrainStorage.ReadStateAsync(StateName, grainId, current);
        Assert.Equal(2, current.State!.Ticks);
    }

    [Fact]
    public async Task SecondFirstWrite_OfTheSameGrain_IsAConflict()
    {
        var grainId = NewGrainId();
        await silo.GrainStorage.WriteStateAsync(StateName, grainId, new GrainState<ProbeState>(new ProbeState { Ticks = 1 }));
        await Assert.ThrowsAnyAsync<InconsistentStateException>(
            () => silo.GrainStorage.WriteStateAsync(StateName, grainId, new GrainState<ProbeState>(new ProbeState { Ticks = 9 })));
    }

    [Fact]
    public async Task AGrainNamedNew_IsNotRead_AndAWrongHintCannotOverwriteItsState()
    {
        var grainId = NewGrainId();
        await silo.GrainStorage.WriteStateAsync(StateName, grainId, new GrainState<ProbeState>(new ProbeState { Ticks = 1 }));

        var hinted = new GrainState<ProbeState>();
        using (NewGrainHint.For(NewGrainId()))
        {
            // A hint for another grain changes nothing.
            await silo.GrainStorage.ReadStateAsync(StateName, grainId, hinted);
        }

        Assert.True(hinted.RecordExists);
        Assert.Equal(1, hinted.State!.Ticks);

        using (NewGrainHint.For(grainId))
        {
            await silo.GrainStorage.ReadStateAsync(StateName, grainId, hinted);
        }

        Assert.False(hinted.RecordExists);
        Assert.Null(hinted.ETag);
        hinted.State!.Ticks = 9;
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => silo.GrainStorage.WriteStateAsync(StateName, grainId, hinted));

        var current = new GrainState<ProbeState>();
        await silo.GrainStorage.ReadStateAsync(StateName, grainId, current);
        Assert.Equal(1, current.State!.Ticks);
    }

    [Fact]
    public async Task ManyConcurrentWriters_OnDifferentGrains_AllSucceed()
    {
        var writes = Enumerable.Range(0, 64).Select(async i =>
        {
            var grainId = NewGrainId();
            var state = new GrainState<ProbeState>(new ProbeState { Ticks = i, Payload = RandomNumberGenerator.GetBytes(8 * 1024) });
            for (var n = 0; n < 5; n++)
            {
                state.State!.Ticks++;
                await silo.GrainStorage.WriteStateAsync(StateName, grainId, state);
            }

            var read = new GrainState<ProbeState>();
            await silo.GrainStorage.ReadStateAsync(StateName, grainId, read);
            return read.State!.Ticks == i + 5;
        });
        Assert.All(await Task.WhenAll(writes), Assert.True);
    }

    [Fact]
    public async Task ReminderRows_UpsertReadRemove_HonourEtags()
    {
        var grainId = NewGrainId();
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = "wake", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) };
        var etag1 = await silo.Reminders.UpsertRow(entry);
        Assert.NotNull(etag1);

        var read = await silo.Reminders.ReadRow(grainId, "wake");
        Assert.NotNull(read);
        Assert.Equal(TimeSpan.FromMinutes(1), read.Period);
        Assert.Equal(etag1, read.ETag);

        entry.Period = TimeSpan.FromMinutes(5);
        var etag2 = await silo.Reminders.UpsertRow(entry);
        Assert.NotEqual(etag1, etag2);
        Assert.Equal(TimeSpan.FromMinutes(5), (await silo.Reminders.ReadRow(grainId, "wake"))!.Period);

        Assert.False(await silo.Reminders.RemoveRow(grainId, "wake", etag1!));
        Assert.True(await silo.Reminders.RemoveRow(grainId, "wake", etag2!));
        Assert.Null(await silo.Reminders.ReadRow(grainId, "wake"));
    }

    [Fact]
    public async Task ReminderRangeRead_FindsRowsByGrainHash_IncludingTheWrappedRange()
    {
        var grainId = NewGrainId();
        await silo.Reminders.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "wake", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });
        var hash = grainId.GetUniformHashCode();

        Assert.Contains(await RangeAsync(hash - 1, hash), e => e.GrainId == grainId);
        Assert.DoesNotContain(await RangeAsync(hash, hash == uint.MaxValue ? hash : hash + 1), e => e.GrainId == grainId);
        // (hash + 1, hash] wraps around zero and still ends at the row.
        Assert.Contains(await RangeAsync(hash + 1, hash), e => e.GrainId == grainId);
        Assert.Contains((await silo.Reminders.ReadRows(grainId)).Reminders, e => e.ReminderName == "wake");
    }

    private async Task<IList<ReminderEntry>> RangeAsync(uint begin, uint end) => (await silo.Reminders.ReadRows(begin, end)).Reminders;

    private static GrainId NewGrainId() => GrainId.Create("probe", Guid.NewGuid().ToString("N"));
}

public sealed class SqliteStorageContractTests(SqliteSilo silo) : StorageContractTests(silo), IClassFixture<SqliteSilo>;

public sealed class MariaDbStorageContractTests(MariaDbSilo silo) : StorageContractTests(silo), IClassFixture<MariaDbSilo>;
