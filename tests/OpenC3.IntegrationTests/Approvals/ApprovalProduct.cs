using OpenC3.IntegrationTests.Embedded;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Approvals;

/// <summary>The embedded product with the sshd farm (approval steps are followed by cmd steps), a site address for links, and a low guess limit.</summary>
public class ApprovalProduct : EmbeddedProduct
{
    public const string SiteAddress = "https://c3.example.test";
    public const int GuessLimit = 4;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() =>
    [
        new("Ssh:User", TestServers.SshUser),
        new("Ssh:KeyFile", TestServers.SshKeyFile),
        new("Ssh:Port", TestServers.SshPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Connector:SiteAddress", SiteAddress),
        new("Approval:GuessLimit", GuessLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

public sealed class MariaDbApprovalProduct : ApprovalProduct
{
    protected override async Task<Dictionary<string, string>> StorageSettingsAsync() => new()
    {
        ["Storage:Provider"] = "mysql",
        ["Storage:ConnectionString"] = await MariaDb.CreateDatabaseAsync(),
    };
}
