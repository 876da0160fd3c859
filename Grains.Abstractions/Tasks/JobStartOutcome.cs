namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>How a <see cref="JobStartRequest"/> ended.</summary>
[GenerateSerializer, Alias("openc3.JobStartOutcome")]
public enum JobStartOutcome
{
    Started,

    /// <summary>The uuid is a task already (a retry, or someone else's task): see <see cref="JobStartResult.Existing"/>.</summary>
    AlreadyExists,

    /// <summary>No such job on the node: each caller words this its own way, as upstream.</summary>
    NoSuchJob,

    /// <summary>The user lacks the point this job needs.</summary>
    Unauthorized,

    /// <summary>The job cannot run now: <see cref="JobStartResult.Reason"/> is upstream's text.</summary>
    Refused,
}
