using System.Globalization;
using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;
using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.Api.Agent;

/// <summary>`/check`: the switch of a node's check loop and when it last ran.</summary>
public static class CheckApi
{
    /// <summary>Upstream flags a check (or a success) older than ten minutes.</summary>
    private const long StaleSeconds = 600;

    public static RouteGroupBuilder MapCheckApi(this RouteGroupBuilder agent)
    {
        agent.MapGet("/check/{treeid}", Get).RequireProjectPoint(Points.AgentRead);
        agent.MapPost("/check/{treeid}", Set).RequireProjectPoint(Points.AgentWrite);
        return agent;
    }

    /// <summary>`{status:"off"}` for a node never switched; else the times as text and epoch seconds, and the staleness flags.</summary>
    private static async Task<IResult> Get(HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        if (await grains.GetGrain<IAgentCheckGrain>(0).Switch(context.TreeId()) is not { } check)
        {
            return Reply.Ok(new { status = AgentCheckStatus.Off });
        }

        var lastCheck = EpochSeconds(check.LastCheck);
        var lastSuccess = EpochSeconds(check.LastSuccess);
        return Reply.Ok(new
        {
            status = check.Status,
            last_check = check.LastCheck,
            last_check_s = lastCheck,
            last_success = check.LastSuccess,
            last_success_s = lastSuccess,
            slave = check.Slave,
            last_check_x = lastCheck + StaleSeconds > clock.GetUtcNow().ToUnixTimeSeconds() ? 0 : 1,
            last_success_x = lastSuccess + StaleSeconds > lastCheck ? 0 : 1,
        });
    }

    /// <summary>`on` or `off`, as the API document says (upstream took any lowercase word for `off`).</summary>
    private static async Task<IResult> Set(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).RequiredIn("status", AgentCheckStatus.On, AgentCheckStatus.Off).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var status = input.Text("status")!;
        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "AGENT CHECK", $"TREEID:{treeId} STATUS:{status}");
        await grains.GetGrain<IAgentCheckGrain>(0).Set(treeId, status, caller.User);
        await grains.GetGrain<IAgentCheckLoopGrain>(treeId).Wake();
        return AgentReplies.Done();
    }

    /// <summary>Stored times are server-local `YYYY-MM-DD HH:MM:SS`, like MySQL's UNIX_TIMESTAMP reads them.</summary>
    private static long EpochSeconds(string time) =>
        new DateTimeOffset(DateTime.ParseExact(time, TimeFormat.DateTimePattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal)).ToUnixTimeSeconds();
}
