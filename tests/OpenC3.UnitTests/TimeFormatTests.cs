using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.UnitTests;

public sealed class TimeFormatTests
{
    [Fact]
    public void Format_IsUpstreamsLocalDateTime()
    {
        var local = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 3, 4, 5, 6, 7)));
        Assert.Equal("2026-03-04 05:06:07", TimeFormat.Format(local));
    }

    [Theory]
    [InlineData("2026-11-27", true)]
    [InlineData("2026-02-30", false)]
    [InlineData("2026-1-27", false)]
    [InlineData("27/11/2026", false)]
    [InlineData(null, false)]
    public void IsDate_AcceptsOnlyYyyyMmDd(string? value, bool expected) => Assert.Equal(expected, TimeFormat.IsDate(value));

    [Fact]
    public void DayBounds_CoverTheWholeDay()
    {
        Assert.Equal("2026-11-27 00:00:00", TimeFormat.DayStart("2026-11-27"));
        Assert.Equal("2026-11-27 23:59:59", TimeFormat.DayEnd("2026-11-27"));
    }
}
