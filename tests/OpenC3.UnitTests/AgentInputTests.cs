using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.UnitTests;

public sealed class AgentInputTests
{
    [Fact]
    public void Subnets_SplitByCommaOrSpace_KeepCidrsAndRegexes_SkipOtherItems()
    {
        var (entries, error) = SubnetList.Parse("10.10.10.10/24, /^10.1.*/ host-a,10.0.0.1 192.168.0.0/16,10.10.10.10/24");
        Assert.Null(error);
        Assert.Equal(
            [("10.10.10.10/24", "subnet"), ("/^10.1.*/", "regex"), ("192.168.0.0/16", "subnet")],
            entries.Select(e => (e.Value, e.Kind)));
    }

    [Theory]
    [InlineData("10.0.0.0", SubnetList.NoneFound)]
    [InlineData("//", SubnetList.NoneFound)]
    [InlineData("300.1.1.1/24", "bad subnet 300.1.1.1/24: octets go up to 255, the prefix up to 32")]
    [InlineData("10.0.0.0/33", "bad subnet 10.0.0.0/33: octets go up to 255, the prefix up to 32")]
    [InlineData("10.0.0.0/99999999999999999999", "bad subnet 10.0.0.0/99999999999999999999: octets go up to 255, the prefix up to 32")]
    public void BadSubnets_AreRefusedWithTheReason(string text, string expected) => Assert.Equal(expected, SubnetList.Parse(text).Error);

    [Fact]
    public void Regexes_MustCompile_AndFitTheColumn()
    {
        Assert.StartsWith("bad regex /*abc/", SubnetList.Parse("/*abc/").Error, StringComparison.Ordinal);
        Assert.Equal("regex too long: at most 100 characters", SubnetList.Parse("/" + new string('a', 99) + "/").Error);
        Assert.Equal("too many subnets: at most 256", SubnetList.Parse(string.Join(',', Enumerable.Range(0, 257).Select(i => $"10.0.{i / 256}.{i % 256}/32"))).Error);
    }

    [Fact]
    public void ProxyAddresses_KeepIPv4Only_AndRefuseWhenNoneIsLeft()
    {
        Assert.Equal(["10.0.0.1", "10.0.0.2"], ProxyAddresses.Parse("10.0.0.1, web1,10.0.0.2,999.0.0.1,10.0.0.1").Addresses);
        Assert.Equal(ProxyAddresses.NoneFound, ProxyAddresses.Parse("web1,1.2.3").Error);
    }

    [Fact]
    public void Lineage_IsTheAncestorsNearestFirst_AndNullOutsideTheTree()
    {
        TreeNode[] tree = [new(1, "a", 1, "t"), new(2, "a.b", 2, "t"), new(3, "a.b.c", 3, "t"), new(4, "x", 1, "t"), new(5, "a.bb", 2, "t")];
        Assert.Equal([2L, 1L], TreeLineage.Of(tree, 3)!.Ancestors);
        Assert.Equal([1L], TreeLineage.Of(tree, 5)!.Ancestors);
        Assert.Empty(TreeLineage.Of(tree, 4)!.Ancestors);
        Assert.Null(TreeLineage.Of(tree, 0));
    }
}
