namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// One step of a job as stored in `openc3_job_plugin_&lt;type&gt;`. A saved step is never changed: every
/// save of a job writes new steps with new uuids, so a running task keeps resolving the steps it started with.
/// Text fields hold what the client sent (scripts decoded), with upstream's defaults applied.
/// </summary>
[GenerateSerializer, Immutable, Alias("openc3.JobStep")]
public abstract record JobStep
{
    /// <summary>`cmd`, `scp` or `approval`: the prefix of the step in the job's `uuids` list.</summary>
    public abstract string PluginType { get; }

    /// <summary>Empty until the step is saved.</summary>
    [Id(0)]
    public string Uuid { get; init; } = string.Empty;

    [Id(1)]
    public string Name { get; init; } = string.Empty;

    [Id(2)]
    public string Timeout { get; init; } = string.Empty;

    [Id(3)]
    public string Pause { get; init; } = string.Empty;

    /// <summary>`test|online|always`: which deployments of a JOBX flow run the step.</summary>
    [Id(4)]
    public string Deployenv { get; init; } = StepValues.Always;

    /// <summary>`deploy|rollback|always`.</summary>
    [Id(5)]
    public string Action { get; init; } = StepValues.Always;

    /// <summary>`firsttime|thelasttime|notfirsttime|notthelasttime|always`.</summary>
    [Id(6)]
    public string Batches { get; init; } = StepValues.Always;

    /// <summary>The texts in which `$name` / `${name}` references make job variables.</summary>
    public abstract IEnumerable<string> VariableSources();
}
