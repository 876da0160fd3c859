namespace OpenC3.Silo;

/// <summary>`Orleans:*` — how this process takes part in the cluster.</summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Orleans";
    public const string Embedded = "embedded";
    public const string Client = "client";
    public const string SiloMode = "silo";

    /// <summary>`embedded` (API + silo in one process), `client` (API only), `silo` (silo only).</summary>
    public string Mode { get; set; } = Embedded;

    public string ClusterId { get; set; } = "openc3";

    /// <summary>Keys every stored grain state and reminder: changing it orphans them.</summary>
    public string ServiceId { get; set; } = "openc3";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo on (cluster profile).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Orleans refuses shorter reminder periods; tests lower it to prove reminders in seconds.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Mutual TLS on the silo and gateway ports (`Orleans:Tls:*`); off by default.</summary>
    public ClusterTlsOptions Tls { get; set; } = new();

    public bool IsClient => string.Equals(Mode, Client, StringComparison.OrdinalIgnoreCase);

    public void Validate()
    {
        string[] modes = [Embedded, Client, SiloMode];
        if (!modes.Contains(Mode, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Orleans:Mode must be one of {string.Join(", ", modes)}, not '{Mode}'.");
        }

        Tls.Validate();
    }
}
