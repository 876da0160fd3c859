using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenC3.Grains.Connector;
using OpenC3.Grains.Storage;

namespace OpenC3.Silo;

/// <summary>
/// Brings the schema up to date and seeds the admin user before the silo starts, so membership,
/// state and identity tables exist when the first request arrives. A silo started before its
/// database waits for it (<see cref="RetryBackoff"/>) instead of exiting.
/// </summary>
internal sealed class SchemaHostedService(SchemaBootstrapper bootstrapper, AdminSeeder adminSeeder, ILogger<SchemaHostedService> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        for (var failedAttempts = 1; ; failedAttempts++)
        {
            try
            {
                await bootstrapper.ApplyAsync(cancellationToken);
                await adminSeeder.SeedAsync(cancellationToken);
                return;
            }
            catch (System.Data.Common.DbException error) when (error.IsTransient)
            {
                var delay = RetryBackoff.Delay(failedAttempts);
                logger.LogWarning("Waiting for the database to apply the schema ({Error}); attempt {Attempt}, next in {Delay} s",
                    error.Message, failedAttempts, delay.TotalSeconds);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
