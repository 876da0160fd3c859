using OpenC3.Grains.Abstractions.Environment;

namespace OpenC3.Grains.Environment;

/// <summary>
/// One activation for the cluster, so a change made through <see cref="EnvironmentGrain"/> (which drops the copy) is
/// seen by the next task's end on every silo. A change made in the database by hand is seen within <see cref="Lifetime"/>.
/// </summary>
[GrainType("environment-snapshot")]
public sealed class EnvironmentSnapshotGrain(TimeProvider clock) : Grain, IEnvironmentSnapshotGrain
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private IReadOnlyDictionary<string, string>? values;

    private DateTimeOffset readAt;

    public async Task<IReadOnlyDictionary<string, string>> Get()
    {
        if (values is null || clock.GetUtcNow() - readAt >= Lifetime)
        {
            readAt = clock.GetUtcNow();
            values = await GrainFactory.GetGrain<IEnvironmentGrain>(0).GetAll();
        }

        return values;
    }

    public Task Drop()
    {
        values = null;
        return Task.CompletedTask;
    }
}
