using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.UnitTests;

public sealed class VvShapesTests
{
    [Fact]
    public void Table_HasSortedNames_SortedNodes_AndNullForMissingValues()
    {
        var table = VvShapes.Table(
        [
            new VvEntry(1, "web2", "VERSION", "1.1", "t"),
            new VvEntry(2, "web1", "VERSION", "1.0", "t"),
            new VvEntry(3, "web1", "APP_x_VERSION", "9", "t"),
        ]);
        Assert.Equal(["NODE", "APP_x_VERSION", "VERSION"], table[0]);
        Assert.Equal(["web1", "9", "1.0"], table[1]);
        Assert.Equal(["web2", null, "1.1"], table[2]);
    }

    [Fact]
    public void Table_OfNothing_IsTheHeaderAlone() => Assert.Equal(["NODE"], Assert.Single(VvShapes.Table([])));

    [Fact]
    public void DistinctValues_KeepsOrder_AndDropsDoValues() =>
        Assert.Equal(["2.0", "1.0"], VvShapes.DistinctValues(["2.0", "Do_rollback", "1.0", "2.0"]));

    [Theory]
    [InlineData("VERSION", true)]
    [InlineData("APP_web_VERSION", true)]
    [InlineData("APP__VERSION", true)]
    [InlineData("APP_VERSION", false)]
    [InlineData("MY_VERSION", false)]
    [InlineData("version", false)]
    public void VersionNames_AreVersionOrAppVersion(string name, bool expected) => Assert.Equal(expected, VvShapes.IsVersionName(name));

    [Fact]
    public void Shares_ArePercentagesWithTwoDecimals_PerVersionName()
    {
        var shares = VvShapes.Shares([("VERSION", "1"), ("VERSION", "1"), ("VERSION", "2"), ("APP_a_VERSION", "x"), ("OTHER", "y")]);
        Assert.Equal(["APP_a_VERSION", "VERSION"], shares.Select(s => s.Name));
        Assert.Equal("100.00", shares[0].Data["x"]);
        Assert.Equal("66.67", shares[1].Data["1"]);
        Assert.Equal("33.33", shares[1].Data["2"]);
    }
}
