namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>
/// The one place that counts failed logins (key 0): a single activation in the cluster, so every API
/// host sees the same waits. Its memory is bounded and lost with its silo, which only shortens waits.
/// </summary>
[Alias("openc3.ILoginBackoffGrain")]
public interface ILoginBackoffGrain : IGrainWithIntegerKey
{
    /// <summary>Zero when this login attempt may check the password (it is charged as a failure until <see cref="Succeeded"/>), else the wait left.</summary>
    Task<TimeSpan> Admit(string user, string address);

    Task Succeeded(string user, string address);
}
