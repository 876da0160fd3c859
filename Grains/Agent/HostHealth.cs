namespace OpenC3.Grains.Agent;

/// <summary>
/// A host's monitor row after one probe, as upstream writes it: a success is `success` with reason `ok`, no failures and
/// the version; a failure is `fail` at once (the ten-check grace is the proxies' only), counts up and says why, version `0`.
/// </summary>
public static class HostHealth
{
    public const string Success = "success";
    public const string Fail = "fail";
    public const string Ok = "ok";
    public const string NoVersion = "0";

    public sealed record Row(string Status, long Fail, string Reason, string Version);

    public static Row After(long failedBefore, SshProbe.Outcome outcome) =>
        outcome.Failure is { } failure ? new Row(Fail, failedBefore + 1, failure, NoVersion) : new Row(Success, 0, Ok, Software(outcome.Version ?? string.Empty));

    /// <summary>The software part of an SSH identification: `SSH-2.0-OpenSSH_10.0 Debian-1` → `OpenSSH_10.0`.</summary>
    public static string Software(string identification)
    {
        var parts = identification.Split('-', 3);
        var software = parts is ["SSH", _, var rest] ? rest : identification;
        return software.Split(' ', 2)[0];
    }
}
