using System.Globalization;
using Microsoft.Extensions.Options;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Terminal;

namespace OpenC3.Api.Job;

/// <summary>
/// The web terminal: `/cmd/:treeid` serves the page (upstream redirected to a separate webshell with the session id in
/// the address), `/cmd/:treeid/ws` relays its websocket to SSH shells held on a silo, `/cmd/:treeid/log` lists the
/// command lines typed. Opening a terminal needs `openc3_job_vssh` on the node and hosts placed on it.
/// </summary>
public static class TerminalApi
{
    private const string DayPattern = ResourceRoutes.DayPattern;

    public static RouteGroupBuilder MapTerminalApi(this RouteGroupBuilder job)
    {
        job.MapGet("/cmd/{treeid}", Page).RequirePoint(Points.JobVssh);
        job.MapGet("/cmd/{treeid}/ws", Relay).NoLogin("websocket (a request delegate, outside endpoint filters): checks Origin, login, openc3_job_vssh and the hosts itself before upgrading");
        job.MapGet("/cmd/{treeid}/log", Log).RequirePoint(Points.JobRead);
        return job;
    }

    private static async Task<IResult> Page(HttpContext context, IGrainFactory grains)
    {
        var (target, refusal) = await TerminalTarget.ReadAsync(context, grains, context.TreeId());
        return target is null ? Reply.Fail(refusal!) : TerminalPage.Render(context, target);
    }

    private static async Task Relay(
        string treeid, HttpContext context, LoginFilter login, TrustedOrigins origins, IGrainFactory grains, TerminalSessions sessions, IOptionsSnapshot<TerminalOptions> options)
    {
        using var seat = await AdmitAsync(treeid, context, login, origins, grains, sessions);
        if (seat.Refusal is not null)
        {
            await seat.Refusal.ExecuteAsync(context);
            return;
        }

        var caller = Caller.Required(context);
        var target = seat.Target!;
        var request = new TerminalRequest(
            seat.TreeId, caller.User, target.Hosts, target.Account, !target.Single, Size(context, "cols", 80), Size(context, "rows", 24));
        await AuditTrail.RecordAsync(grains, caller, "OPEN TERMINAL", $"TREEID:{seat.TreeId} NODE:{string.Join(',', target.Hosts)} SUDO:{target.Account}");
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var terminal = grains.GetGrain<ITerminalGrain>(Guid.NewGuid().ToString("N"));
        await terminal.Open(request);
        await new TerminalRelay(socket, terminal, options.Value).RunAsync();
    }

    /// <summary>Everything checked before the upgrade, refusals as envelopes: a seat for the caller's terminal, or why not.</summary>
    private static async Task<Admission> AdmitAsync(string treeid, HttpContext context, LoginFilter login, TrustedOrigins origins, IGrainFactory grains, TerminalSessions sessions)
    {
        if (await WebSocketGate.RefuseBeforeUpgradeAsync(context, login, origins) is { } refusal)
        {
            return Admission.Refused(refusal);
        }

        if (TreeIds.TryParse(treeid) is not { } treeId)
        {
            return Admission.Refused(Reply.Fail(TreeIds.FormatError("treeid")));
        }

        if (!await context.AllowsAsync(Points.JobVssh, treeId))
        {
            return Admission.Refused(Reply.Unauthorized());
        }

        var (target, reason) = await TerminalTarget.ReadAsync(context, grains, treeId);
        if (target is null)
        {
            return Admission.Refused(Reply.Fail(reason!));
        }

        return sessions.TryEnter(Caller.Required(context).User) is { } seat
            ? new Admission(treeId, target, null, seat)
            : Admission.Refused(Reply.Fail("too many terminals open: close one first"));
    }

    private static int Size(HttpContext context, string name, int fallback) =>
        int.TryParse(context.Request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? TerminalRelay.Dimension(value) : fallback;

    private static async Task<IResult> Log(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        var check = new Check(input).NoQuote("user", false).NoQuote("node", false).NoQuote("usr", false).NoQuote("cmd", false)
            .Optional("time_start", DayPattern).Optional("time_end", DayPattern);
        if (check.Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var rows = await grains.GetGrain<ICommandLogGrain>(0).Query(new CommandLogFilter(
            context.TreeId(), input.Text("user"), input.Text("node"), input.Text("usr"), input.Text("cmd"), input.Text("time_start"), input.Text("time_end")));
        return Reply.Ok(rows.Select(r => new { id = r.Id, user = r.User, node = r.Node, usr = r.Usr, cmd = r.Cmd, time = r.Time }));
    }

    private sealed record Admission(long TreeId, TerminalTarget? Target, IResult? Refusal, IDisposable? Seat) : IDisposable
    {
        public static Admission Refused(IResult refusal) => new(0, null, refusal, null);

        public void Dispose() => Seat?.Dispose();
    }
}
