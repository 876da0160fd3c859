using static OpenC3.Grains.Agent.ProxyRouteRule;

namespace OpenC3.UnitTests;

public sealed class ProxyRouteRuleTests
{
    private static readonly BoundSubnet Wide = new(1, "10.0.0.0/8", 100);
    private static readonly BoundSubnet Narrow = new(2, "10.1.2.3/24", 200);
    private static readonly BoundSubnet Pattern = new(3, "/^10\\.1\\./", 300);
    private static readonly BoundSubnet Named = new(4, "/^db-[0-9]+$/", 400);

    [Theory]
    [InlineData("10.1.2.77", 200)]
    [InlineData("10.1.3.77", 100)]
    [InlineData("10.9.9.9", 100)]
    [InlineData("db-12", 400)]
    [InlineData("192.168.0.1", null)]
    [InlineData("db-x", null)]
    public void WithinALevel_TheLongestPrefixWins_AndAnyCidrBeforeARegex(string host, int? region)
    {
        IReadOnlyList<IReadOnlyList<BoundSubnet>> levels = [[Wide, Pattern, Narrow, Named]];
        Assert.Equal(region, (int?)Choose(levels, host)?.RegionId);
    }

    [Fact]
    public void TheNearestLevelWithAMatch_Wins_EvenWithAShorterPrefix()
    {
        var node = new BoundSubnet(9, "10.0.0.0/8", 900);
        var ancestor = new BoundSubnet(8, "10.1.2.0/24", 800);
        var root = new BoundSubnet(7, "10.1.2.5/32", 700);
        Assert.Equal(900, Choose([[node], [ancestor], [root]], "10.1.2.5")!.RegionId);
        Assert.Equal(800, Choose([[], [ancestor], [root]], "10.1.2.5")!.RegionId);
        Assert.Equal(700, Choose([[new BoundSubnet(6, "172.16.0.0/12", 600)], [], [root]], "10.1.2.5")!.RegionId);
    }

    [Fact]
    public void AmongEquals_TheSubnetAddedFirstWins()
    {
        Assert.Equal(1, Choose([[new BoundSubnet(5, "10.0.0.0/8", 2), new BoundSubnet(4, "10.0.0.0/8", 1)]], "10.2.3.4")!.RegionId);
    }

    [Theory]
    [InlineData("10.0.0.0/0", "1.2.3.4", true)]
    [InlineData("10.1.2.3/32", "10.1.2.3", true)]
    [InlineData("10.1.2.3/32", "10.1.2.4", false)]
    [InlineData("10.1.2.3/31", "10.1.2.2", true)]
    [InlineData("10.1.0.0/16", "host-10.1.0.5", false)]
    [InlineData("10.1.0.0/16", "::ffff:10.1.0.5", false)]
    [InlineData("10.1.0.0/x", "10.1.0.5", false)]
    public void Cidrs_MatchAddressesOnly(string entry, string host, bool matches) =>
        Assert.Equal(matches, Choose([[new BoundSubnet(1, entry, 1)]], host) is not null);

    [Fact]
    public void Proxies_TheLastSeenAnsweringFirst_EachGroupAsAdded() =>
        Assert.Equal(
            ["10.0.0.2", "10.0.0.4", "10.0.0.1", "10.0.0.3"],
            TryOrder([new ProxyRow(1, "10.0.0.1", "fail"), new ProxyRow(4, "10.0.0.4", "success"), new ProxyRow(3, "10.0.0.3", "fail"), new ProxyRow(2, "10.0.0.2", "success")]));
}
