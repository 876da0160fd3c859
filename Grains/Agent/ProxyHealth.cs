namespace OpenC3.Grains.Agent;

/// <summary>
/// A proxy's row after one probe: a success clears the count and the reason and makes it `success` again; a failure
/// counts up and records why, and the proxy turns `fail` once it failed <see cref="FailAfter"/> checks in a row.
/// </summary>
public static class ProxyHealth
{
    public const int FailAfter = 10;
    public const string Success = "success";
    public const string Fail = "fail";

    public sealed record Row(string Status, long Fail, string? Reason);

    public static Row After(Row before, string? failure) =>
        failure is null ? new Row(Success, 0, null) : new Row(before.Fail + 1 >= FailAfter ? Fail : before.Status, before.Fail + 1, failure);
}
