namespace OpenC3.Grains.Abstractions.Environment;

/// <summary>The job module's platform settings (`openc3_job_environment`): notification switches and templates.</summary>
[Alias("openc3.IEnvironmentGrain")]
public interface IEnvironmentGrain : IGrainWithIntegerKey
{
    /// <summary>Every key with its stored value, or its upstream default when never set.</summary>
    Task<IReadOnlyDictionary<string, string>> GetAll();

    /// <summary>Upserts the given keys; returns how many were written.</summary>
    Task<int> Set(IReadOnlyDictionary<string, string> values, string user);

    /// <summary>Removes stored values so the defaults apply again; returns how many rows were removed.</summary>
    Task<int> Delete(IReadOnlyCollection<string> keys);
}
