using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenC3.Silo;
using OpenC3.TestSupport;
using Orleans.Providers;
using Orleans.Storage;

namespace OpenC3.IntegrationTests.Storage;

/// <summary>A silo built by the product's own hosting code inside the test process, to reach its storage providers directly.</summary>
public abstract class InProcessSilo : IAsyncLifetime
{
    private IHost? host;

    public IGrainStorage GrainStorage => host!.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    public IReminderTable Reminders => host!.Services.GetRequiredService<IReminderTable>();

    public IGrainFactory Grains => host!.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = await StorageSettingsAsync();
        settings["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Orleans:ClusterId"] = $"contract-{Guid.NewGuid():N}";
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddOpenC3Orleans(forceSilo: true);
        AddServices(builder.Services);
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    protected abstract Task<Dictionary<string, string>> StorageSettingsAsync();

    /// <summary>What a test adds to the silo's services (grain call filters, say).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }
}

public sealed class SqliteSilo : InProcessSilo
{
    /// <summary>A fresh SQLite file of its own.</summary>
    public static Task<Dictionary<string, string>> Settings()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("openc3-contract-").FullName, "openc3.db");
        return Task.FromResult(ProductSettings.Sqlite(file));
    }

    protected override Task<Dictionary<string, string>> StorageSettingsAsync() => Settings();
}

public sealed class MariaDbSilo : InProcessSilo
{
    protected override Task<Dictionary<string, string>> StorageSettingsAsync() => ProductSettings.MariaDbAsync();
}
