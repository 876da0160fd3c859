namespace OpenC3.Grains.Abstractions.Environment;

/// <summary>
/// The platform settings as every task's end reads them (is a notice channel on for this outcome?): one copy for the
/// cluster instead of a query per task.
/// </summary>
[Alias("openc3.IEnvironmentSnapshotGrain")]
public interface IEnvironmentSnapshotGrain : IGrainWithIntegerKey
{
    /// <summary>The settings as <see cref="IEnvironmentGrain.GetAll"/> last answered them.</summary>
    Task<IReadOnlyDictionary<string, string>> Get();

    /// <summary>Forgets the copy: the settings changed.</summary>
    Task Drop();
}
