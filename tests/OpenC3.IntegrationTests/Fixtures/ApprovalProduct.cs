using System.Globalization;

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>Approval steps followed by cmd steps on the farm, a site address for links, and a low guess limit.</summary>
public class ApprovalProduct : ExecutionProduct
{
    public const string SiteAddress = "https://c3.example.test";
    public const int GuessLimit = 4;

    public ApprovalProduct()
        : this(new SqliteFile())
    {
    }

    protected ApprovalProduct(ProductPart storage)
        : base(storage, new Configured(("Connector:SiteAddress", SiteAddress), ("Approval:GuessLimit", GuessLimit.ToString(CultureInfo.InvariantCulture))))
    {
    }
}

public sealed class MariaDbApprovalProduct() : ApprovalProduct(new MariaDbDatabase());
