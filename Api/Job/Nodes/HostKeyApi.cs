using System.Text.RegularExpressions;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Execution;

namespace OpenC3.Api.Job;

/// <summary>
/// `/hostkey/0`: the hosts' pinned SSH keys (not in upstream). Admins (`openc3_job_root` on node 0) list
/// them, accept the new key a host presented after a change, or forget a host so its next key is pinned.
/// </summary>
public static partial class HostKeyApi
{
    public static RouteGroupBuilder MapHostKeyApi(this RouteGroupBuilder job)
    {
        var admins = job.MapGroup("/hostkey/0").RequireGlobalPoint(Points.JobRoot);
        admins.MapGet(string.Empty, ListHostKeys);
        admins.MapPost("/{host}/accept", AcceptHostKey);
        admins.MapDelete("/{host}", ForgetHostKey);
        return job;
    }

    private static async Task<IResult> ListHostKeys(IGrainFactory grains)
    {
        var keys = await grains.GetGrain<IHostKeysGrain>(0).List();
        return Reply.Ok(keys.Select(k => new
        {
            host = k.Host,
            port = k.Port,
            keytype = k.KeyType,
            fingerprint = k.Fingerprint,
            presented_keytype = k.PresentedKeyType,
            presented = k.Presented,
            create_user = k.CreateUser,
            create_time = k.CreateTime,
            edit_user = k.EditUser,
            edit_time = k.EditTime,
        }));
    }

    private static async Task<IResult> AcceptHostKey(HttpContext context, IGrainFactory grains, string host)
    {
        var caller = Caller.Required(context);
        if (!HostPattern().IsMatch(host))
        {
            return Reply.Fail("check format fail host format error");
        }

        await AuditTrail.RecordAsync(grains, caller, "ACCEPT HOST KEY", $"HOST:{host}");
        var accepted = await grains.GetGrain<IHostKeysGrain>(0).Accept(host, caller.User);
        return accepted == 0 ? Reply.Fail($"no new key presented by {host}") : Reply.Ok(accepted);
    }

    private static async Task<IResult> ForgetHostKey(HttpContext context, IGrainFactory grains, string host)
    {
        var caller = Caller.Required(context);
        if (!HostPattern().IsMatch(host))
        {
            return Reply.Fail("check format fail host format error");
        }

        await AuditTrail.RecordAsync(grains, caller, "FORGET HOST KEY", $"HOST:{host}");
        return Reply.Ok(await grains.GetGrain<IHostKeysGrain>(0).Forget(host));
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,255}$")]
    private static partial Regex HostPattern();
}
