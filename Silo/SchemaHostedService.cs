using Microsoft.Extensions.Hosting;
using OpenC3.Grains.Connector;
using OpenC3.Grains.Storage;

namespace OpenC3.Silo;

/// <summary>
/// Brings the schema up to date and seeds the admin user before the silo starts, so membership,
/// state and identity tables exist when the first request arrives.
/// </summary>
internal sealed class SchemaHostedService(SchemaBootstrapper bootstrapper, AdminSeeder adminSeeder) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await bootstrapper.ApplyAsync(cancellationToken);
        await adminSeeder.SeedAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
