using OpenC3.IntegrationTests.Embedded;
using OpenC3.IntegrationTests.Execution;

namespace OpenC3.IntegrationTests.Approvals;

/// <summary>The embedded product with the sshd farm (approval steps are followed by cmd steps), a site address for links, and a low guess limit.</summary>
public sealed class ApprovalProduct : EmbeddedProduct
{
    public const string SiteAddress = "https://c3.example.test";
    public const int GuessLimit = 4;

    public static IEnumerable<KeyValuePair<string, string>> ApprovalSettings =>
    [
        .. ExecutionProduct.SshSettings,
        new("Connector:SiteAddress", SiteAddress),
        new("Approval:GuessLimit", GuessLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => ApprovalSettings;
}

/// <summary>The same on MariaDB storage.</summary>
public sealed class MariaDbApprovalProduct : MariaDbEmbeddedProduct
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => ApprovalProduct.ApprovalSettings;
}
