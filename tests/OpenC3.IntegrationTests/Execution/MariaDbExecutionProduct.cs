using OpenC3.IntegrationTests.Embedded;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>The embedded product on MariaDB storage, wired to the test sshd farm.</summary>
public sealed class MariaDbExecutionProduct : MariaDbEmbeddedProduct
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => ExecutionProduct.SshSettings;
}
