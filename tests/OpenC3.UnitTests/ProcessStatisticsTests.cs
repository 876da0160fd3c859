using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenC3.Api;
using OpenC3.Silo;
using Orleans.Statistics;

namespace OpenC3.UnitTests;

public sealed class ProcessStatisticsTests
{
    [Fact]
    public void Smoothing_TakesARiseAtOnce_AndAFallAFifthAtATime()
    {
        Assert.Equal(50, LoadSmoothing.Next(10, 50));
        Assert.Equal(40, LoadSmoothing.Next(50, 0), 6);
        Assert.Equal(50f, LoadSmoothing.CpuPercent(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 2));
        Assert.Equal(100f, LoadSmoothing.CpuPercent(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), 2));
        Assert.Equal(0f, LoadSmoothing.CpuPercent(TimeSpan.FromSeconds(1), TimeSpan.Zero, 2));
    }

    [Fact]
    public void Figures_AreTheProcessCpuAndTheGcMemory()
    {
        Assert.True(ProcessStatistics.Supported, "Orleans' EnvironmentStatistics constructor changed: the default provider is back");
        var statistics = new ProcessStatistics();
        var until = DateTime.UtcNow.AddSeconds(1.2);
        var spins = 0L;
        while (DateTime.UtcNow < until)
        {
            spins++;
        }

        var figures = statistics.GetEnvironmentStatistics();
        Assert.True(spins > 0);
        Assert.InRange(figures.RawCpuUsagePercentage, 0.01f, 100f);
        Assert.Equal(figures.RawCpuUsagePercentage, figures.FilteredCpuUsagePercentage);
        Assert.True(figures.RawMemoryUsageBytes > 0);
        Assert.Equal(figures.MaximumAvailableMemoryBytes, figures.RawMemoryUsageBytes + figures.RawAvailableMemoryBytes);
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("client")]
    public void TheProductUsesIt_NotOrleansEventCounterListener(string mode)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Mode"] = mode,
            ["Storage:Provider"] = mode == "client" ? "mysql" : "sqlite",
            ["Storage:ConnectionString"] = mode == "client"
                ? "Server=127.0.0.1;Port=1;User ID=unused;Password=unused;Database=unused"
                : $"Data Source={Path.Combine(Path.GetTempPath(), "openc3-statistics-unused.db")}",
        });
        builder.AddOpenC3Api();
        using var app = builder.Build();

        Assert.IsType<ProcessStatistics>(app.Services.GetRequiredService<IEnvironmentStatisticsProvider>());
        Assert.Single(app.Services.GetServices<IEnvironmentStatisticsProvider>());
    }
}
