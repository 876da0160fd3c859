using System.Globalization;
using OpenC3.IntegrationTests.Execution;

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>An sshd the test owns on <paramref name="address"/>, whose port is the product's global `Ssh:Port`.</summary>
public sealed class OwnSshd(string address) : ProductPart
{
    public TestSshd Sshd { get; } = new(address);

    public override ValueTask DisposeAsync() => Sshd.DisposeAsync();

    protected override Dictionary<string, string> Settings() => new()
    {
        ["Ssh:Port"] = Sshd.Port.ToString(CultureInfo.InvariantCulture),
        // Pooled connections to the old sshd close soon, so the next run meets the restarted one.
        ["Ssh:IdleTimeout"] = "00:00:01",
    };
}

/// <summary>The product on the farm's login and key, pointed at a test-owned sshd.</summary>
public class PinnedHostProduct : ExecutionProduct
{
    public PinnedHostProduct()
        : this(new SqliteFile(), "127.0.0.230")
    {
    }

    protected PinnedHostProduct(ProductPart storage, string sshdAddress)
        : base(storage, new OwnSshd(sshdAddress))
    {
    }

    public TestSshd Sshd => Part<OwnSshd>().Sshd;
}

public sealed class MariaDbPinnedHostProduct() : PinnedHostProduct(new MariaDbDatabase(), "127.0.0.231");
