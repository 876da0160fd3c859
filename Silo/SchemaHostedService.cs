using Microsoft.Extensions.Hosting;
using OpenC3.Grains.Storage;

namespace OpenC3.Silo;

/// <summary>Brings the schema up to date before the silo starts, so membership and state tables exist.</summary>
internal sealed class SchemaHostedService(SchemaBootstrapper bootstrapper) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => bootstrapper.ApplyAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
