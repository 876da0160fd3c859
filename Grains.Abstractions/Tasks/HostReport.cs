namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// What the executor tells a step about one host of one attempt: the session its script announced
/// (`&lt;id&gt;:&lt;start ticks&gt;`, kept so a survivor can stop it after a crash), or how it ended.
/// </summary>
[GenerateSerializer, Immutable, Alias("openc3.HostReport")]
public sealed record HostReport(
    [property: Id(0)] string Host,
    [property: Id(1)] int Attempt,
    [property: Id(2)] string? Session,
    [property: Id(3)] HostOutcome? Outcome)
{
    public static HostReport Started(string host, int attempt, string session) => new(host, attempt, session, null);

    public static HostReport Finished(string host, int attempt, int? exitCode, string? reason, string output) => new(host, attempt, null, new HostOutcome(exitCode, reason, output));
}

/// <summary>A host's exit code (null when it never ran or was cut), why it failed, and its output kept for the result block.</summary>
[GenerateSerializer, Immutable, Alias("openc3.HostOutcome")]
public sealed record HostOutcome([property: Id(0)] int? ExitCode, [property: Id(1)] string? Reason, [property: Id(2)] string Output);
