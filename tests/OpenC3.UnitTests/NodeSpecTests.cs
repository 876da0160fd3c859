using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.UnitTests;

public sealed class NodeSpecTests
{
    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3", "10.1.2.3", "")]
    [InlineData("172.16.0.1", "172.16.0.1", "172.16.0.1", "")]
    [InlineData("172.31.255.255", "172.31.255.255", "172.31.255.255", "")]
    [InlineData("192.168.9.9", "192.168.9.9", "192.168.9.9", "")]
    [InlineData("172.32.0.1", "172.32.0.1", "", "172.32.0.1")]
    [InlineData("172.15.0.1", "172.15.0.1", "", "172.15.0.1")]
    [InlineData("8.8.8.8", "8.8.8.8", "", "8.8.8.8")]
    [InlineData("web-01.a_b::10.0.0.5", "web-01.a_b", "10.0.0.5", "")]
    [InlineData("web::10.0.0.5::1.2.3.4", "web", "10.0.0.5", "1.2.3.4")]
    [InlineData("1.2.3.4::5.6.7.8", "1.2.3.4", "5.6.7.8", "")]
    public void Parse_ClassifiesBareAddresses_AndSplitsNamedForms(string text, string name, string inip, string exip) =>
        Assert.Equal(new JobNodeInput(name, inip, exip), NodeSpec.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("web")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.256")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("web::")]
    [InlineData("web::host")]
    [InlineData("web::1.2.3.4::5.6.7.8::9.9.9.9")]
    [InlineData("web::1.2.3.999")]
    [InlineData("we b::1.2.3.4")]
    [InlineData("../x::1.2.3.4")]
    [InlineData("١.٢.٣.٤")]
    public void Parse_RefusesAnythingElse(string? text) => Assert.Null(NodeSpec.Parse(text));

    [Fact]
    public void Parse_RefusesNamesLongerThanTheColumn()
    {
        Assert.NotNull(NodeSpec.Parse($"{new string('a', NodeSpec.MaxNameLength)}::10.0.0.1"));
        Assert.Null(NodeSpec.Parse($"{new string('a', NodeSpec.MaxNameLength + 1)}::10.0.0.1"));
    }

    [Theory]
    [InlineData("10.255.255.255", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("192.169.0.1", false)]
    [InlineData("not-an-ip", false)]
    public void IsPrivate_FollowsRfc1918(string ip, bool expected) => Assert.Equal(expected, NodeSpec.IsPrivate(ip));
}
