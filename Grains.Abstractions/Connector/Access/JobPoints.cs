namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>The job module's points that grains check themselves (starting a job): write, or control for a delegated job.</summary>
public static class JobPoints
{
    public const string Write = "openc3_job_write";
    public const string Control = "openc3_job_control";
}
