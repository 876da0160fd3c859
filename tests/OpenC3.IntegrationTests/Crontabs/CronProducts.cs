using System.Globalization;
using OpenC3.IntegrationTests.Embedded;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Crontabs;

/// <summary>The embedded product with SSH to the host farm, so crontab runs reach real hosts.</summary>
public class CronProduct : EmbeddedProduct
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() =>
    [
        new("Ssh:User", TestServers.SshUser),
        new("Ssh:KeyFile", TestServers.SshKeyFile),
        new("Ssh:Port", TestServers.SshPort.ToString(CultureInfo.InvariantCulture)),
    ];
}

/// <summary>The same on the cluster profile's storage (MariaDB).</summary>
public sealed class MariaDbCronProduct : CronProduct
{
    protected override async Task<Dictionary<string, string>> StorageSettingsAsync() => new()
    {
        ["Storage:Provider"] = "mysql",
        ["Storage:ConnectionString"] = await MariaDb.CreateDatabaseAsync(),
    };
}
