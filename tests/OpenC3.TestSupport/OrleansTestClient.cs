using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenC3.Silo;

namespace OpenC3.TestSupport;

/// <summary>
/// A pure Orleans client of a running product, configured with the product's own hosting code in
/// `client` mode. Lets tests reach grains (e.g. the probe) that have no HTTP route.
/// </summary>
public sealed class OrleansTestClient : IAsyncDisposable
{
    private readonly IHost host;

    private OrleansTestClient(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects, retrying as the product's client does, until connected or <paramref name="cancellationToken"/> gives up.</summary>
    public static async Task<OrleansTestClient> ConnectAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Configuration["Orleans:Mode"] = OrleansHostOptions.Client;
        builder.AddOpenC3Orleans();
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new OrleansTestClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
