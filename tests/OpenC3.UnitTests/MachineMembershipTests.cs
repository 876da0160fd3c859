using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.UnitTests;

public sealed class MachineMembershipTests
{
    private static readonly MachineInfo[] Machines =
    [
        new("web1", "extend", "10.0.0.1", ""),
        new("db1", "idc", "10.0.0.2,10.0.0.3", "1.2.3.4"),
    ];

    [Fact]
    public void HostsKnownByNameOrAnyAddress_Belong() =>
        Assert.Empty(MachineMembership.Outsiders(Machines, ["web1", "10.0.0.1", "db1", "10.0.0.3", "1.2.3.4"]));

    [Fact]
    public void Outsiders_AreListedInTheOrderGiven() =>
        Assert.Equal(["9.9.9.9", "web2"], MachineMembership.Outsiders(Machines, ["9.9.9.9", "web1", "web2"]));

    [Fact]
    public void AnEmptyAddress_IsNeverAMatch() =>
        Assert.Equal([""], MachineMembership.Outsiders(Machines, [""]));
}
