namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// Which runs of a JOBX deployment a step belongs to (upstream §7.4): `test|online|always`,
/// `deploy|rollback|always` and `firsttime|thelasttime|notfirsttime|notthelasttime|always`.
/// A step snapshotted before these were kept has none, and always runs.
/// </summary>
[GenerateSerializer, Immutable, Alias("openc3.StepApplicability")]
public sealed record StepApplicability(
    [property: Id(0)] string Deployenv,
    [property: Id(1)] string Action,
    [property: Id(2)] string Batches)
{
    /// <summary>What a step without any (snapshotted before they were kept) counts as.</summary>
    public static readonly StepApplicability Always = new(Catalog.StepValues.Always, Catalog.StepValues.Always, Catalog.StepValues.Always);

    public static StepApplicability Of(Catalog.JobStep step) => new(step.Deployenv, step.Action, step.Batches);
}
