namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>The connector settings (`openc3_connector_config`): built-in defaults with stored overrides on top.</summary>
[Alias("openc3.IConnectorConfigGrain")]
public interface IConnectorConfigGrain : IGrainWithIntegerKey
{
    /// <summary>Every setting, sorted by key: the stored value, else the built-in default.</summary>
    Task<IReadOnlyDictionary<string, string>> GetAll();

    /// <summary>Stores overrides; returns how many keys were written.</summary>
    Task<int> Set(IReadOnlyDictionary<string, string> values, string user);
}
