namespace OpenC3.Grains.Abstractions.Audit;

/// <summary>The connector's audit log: every mutating endpoint of every module records who did what.</summary>
[Alias("openc3.IAuditGrain")]
public interface IAuditGrain : IGrainWithIntegerKey
{
    Task Record(string user, string title, string content);
}
