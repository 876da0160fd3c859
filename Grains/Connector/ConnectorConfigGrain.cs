using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

[StatelessWorker]
[GrainType("connectorconfig")]
public sealed class ConnectorConfigGrain(SqlDatabase database, TimeProvider clock) : Grain, IConnectorConfigGrain
{
    public async Task<IReadOnlyDictionary<string, string>> GetAll()
    {
        await using var connection = await database.OpenAsync();
        var overrides = await connection.QueryAsync<(string Key, string Value)>("SELECT `key`, `value` FROM openc3_connector_config");
        var settings = new SortedDictionary<string, string>(ConnectorConfigDefaults.Values.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task<int> Set(IReadOnlyDictionary<string, string> values, string user)
    {
        var upsert = database.Upsert("openc3_connector_config", ["key", "value", "edit_user", "edit_time"], ["key"], ["value", "edit_user", "edit_time"]);
        var editTime = TimeFormat.Now(clock);
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(upsert, values.Select(v => new { key = v.Key, value = v.Value, edit_user = user, edit_time = editTime }), transaction);
        await transaction.CommitAsync();
        return values.Count;
    }
}
