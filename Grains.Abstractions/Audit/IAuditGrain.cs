namespace OpenC3.Grains.Abstractions.Audit;

/// <summary>The connector's audit log: every mutating endpoint of every module records who did what.</summary>
[Alias("openc3.IAuditGrain")]
public interface IAuditGrain : IGrainWithIntegerKey
{
    Task Record(string user, string title, string content);

    /// <summary>Newest first, at most 1000 rows; `time` matches as a prefix, the others as substrings.</summary>
    Task<IReadOnlyList<AuditRow>> Query(AuditFilter filter);
}

[GenerateSerializer, Immutable, Alias("openc3.AuditFilter")]
public sealed record AuditFilter([property: Id(0)] string? Time, [property: Id(1)] string? User, [property: Id(2)] string? Title, [property: Id(3)] string? Content);

[GenerateSerializer, Immutable, Alias("openc3.AuditRow")]
public sealed record AuditRow([property: Id(0)] string Time, [property: Id(1)] string User, [property: Id(2)] string Title, [property: Id(3)] string Content);
