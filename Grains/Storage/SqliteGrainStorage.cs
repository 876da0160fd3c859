using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace OpenC3.Grains.Storage;

/// <summary>
/// Grain state in the embedded SQLite file. One row per (service, state name, grain); the integer
/// etag gives the optimistic concurrency Orleans expects: a stale writer gets <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class SqliteGrainStorage(SqlDatabase database, IGrainStorageSerializer serializer, IOptions<ClusterOptions> cluster) : IGrainStorage
{
    private readonly string serviceId = cluster.Value.ServiceId;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<(long Etag, byte[] Payload)?>(
            "SELECT etag, payload FROM orleans_grain_state WHERE service_id = @serviceId AND state_name = @stateName AND grain_id = @grainId",
            Key(stateName, grainId));
        if (row is not { } found)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = serializer.Deserialize<T>(BinaryData.FromBytes(found.Payload));
        grainState.ETag = found.Etag.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        await using var connection = await database.OpenAsync();
        long newEtag;
        if (grainState.ETag is null)
        {
            var inserted = await connection.ExecuteAsync(
                """
                INSERT INTO orleans_grain_state (service_id, state_name, grain_id, etag, payload, modified_at)
                VALUES (@serviceId, @stateName, @grainId, 1, @payload, @now)
                ON CONFLICT DO NOTHING
                """,
                new { serviceId, stateName, grainId = grainId.ToString(), payload, now = Now() });
            if (inserted == 0)
            {
                throw Conflict(stateName, grainId, grainState.ETag, "a row already exists");
            }

            newEtag = 1;
        }
        else
        {
            var expected = ParseEtag(grainState.ETag);
            var updated = await connection.ExecuteAsync(
                """
                UPDATE orleans_grain_state SET etag = etag + 1, payload = @payload, modified_at = @now
                WHERE service_id = @serviceId AND state_name = @stateName AND grain_id = @grainId AND etag = @expected
                """,
                new { serviceId, stateName, grainId = grainId.ToString(), payload, now = Now(), expected });
            if (updated == 0)
            {
                throw Conflict(stateName, grainId, grainState.ETag, "the stored etag differs");
            }

            newEtag = expected + 1;
        }

        grainState.ETag = newEtag.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null)
        {
            await using var connection = await database.OpenAsync();
            var deleted = await connection.ExecuteAsync(
                "DELETE FROM orleans_grain_state WHERE service_id = @serviceId AND state_name = @stateName AND grain_id = @grainId AND etag = @expected",
                new { serviceId, stateName, grainId = grainId.ToString(), expected = ParseEtag(grainState.ETag) });
            if (deleted == 0)
            {
                throw Conflict(stateName, grainId, grainState.ETag, "the stored etag differs");
            }
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private object Key(string stateName, GrainId grainId) => new { serviceId, stateName, grainId = grainId.ToString() };

    private static string Now() => DateTimeOffset.UtcNow.ToString("O");

    private static long ParseEtag(string etag) =>
        long.TryParse(etag, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InconsistentStateException($"Malformed etag '{etag}'.");

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag, string why) =>
        new($"Write of state '{stateName}' for {grainId} rejected: {why} (expected etag {etag ?? "none"}).");
}
