using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Logs;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>
/// `/slave/:slavename/*`: kill a task, tail its log live. The slave name is informational: any API
/// host reaches any task through its grain.
/// </summary>
public static partial class SlaveApi
{
    private const int FrameBytes = 100 * 1024;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(300);

    public static RouteGroupBuilder MapSlaveApi(this RouteGroupBuilder job)
    {
        job.MapDelete("/slave/{slave}/killtask/{uuid}", KillTask).LoginOnly("write is checked on the task's own node, found by its uuid");
        job.MapGet("/slave/{slave}/ws", TailLog).NoLogin("websocket (a request delegate, outside endpoint filters): checks Origin and login itself before upgrading; read is checked on the task's node");
        job.MapGet("/slave/{slave}/tasklog/{uuid}", LogPage).NoLogin("a static page that opens the websocket");
        return job;
    }

    private static async Task<IResult> KillTask(string slave, string uuid, HttpContext context, IGrainFactory grains)
    {
        var task = Uuid12().IsMatch(uuid) ? await grains.GetGrain<ITaskGrain>(uuid).Get() : null;
        if (task is null)
        {
            return Reply.Fail($"nofind task {uuid}");
        }

        if (!await context.AllowsAsync(Points.JobWrite, task.ProjectId))
        {
            return Reply.Unauthorized();
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "KILL TASK", $"TREEID:{task.ProjectId} TASK:{uuid}");
        return Reply.Info(await grains.GetGrain<ITaskGrain>(uuid).Kill(caller.User));
    }

    /// <summary>
    /// Sends the stored log, then whatever is appended, until the client goes away. A page of another
    /// origin, or a client that is not logged in, gets an envelope and no socket; later errors are
    /// text frames, as upstream.
    /// </summary>
    private static async Task TailLog(HttpContext context, LoginFilter login, TrustedOrigins origins, IGrainFactory grains)
    {
        if (await WebSocketGate.RefuseBeforeUpgradeAsync(context, login, origins) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var closed = WatchForCloseAsync(socket);
        var logUuid = context.Request.Query["uuid"].ToString();
        var error = await AuthorizeAsync(context, grains, logUuid);
        if (error is not null)
        {
            await SendAsync(socket, $"open log fail: {error}");
            await closed;
            return;
        }

        var logs = grains.GetGrain<ILogGrain>(0);
        var afterId = 0L;
        while (!closed.IsCompleted && socket.State == WebSocketState.Open)
        {
            var chunk = await logs.Read(logUuid, afterId, FrameBytes);
            if (chunk.Text.Length > 0)
            {
                await SendAsync(socket, LogHtml.Convert(chunk.Text));
                afterId = chunk.LastId;
                continue;
            }

            await Task.WhenAny(closed, Task.Delay(PollEvery));
        }
    }

    private static async Task<string?> AuthorizeAsync(HttpContext context, IGrainFactory grains, string logUuid)
    {
        if (!LogId().IsMatch(logUuid))
        {
            return "uuid format error";
        }

        var task = await grains.GetGrain<ITaskGrain>(logUuid[..12]).Get();
        if (task is null)
        {
            return $"Non-existent uuid:{logUuid}";
        }

        return await context.AllowsAsync(Points.JobRead, task.ProjectId) ? null : "Unauthorized";
    }

    /// <summary>The page embeds the slave name and uuid, so both are checked against upstream's shapes first (no script injection).</summary>
    private static IResult LogPage(string slave, string uuid) =>
        LogId().IsMatch(uuid) && SlaveName().IsMatch(slave)
            ? Results.Content(
                $$"""
                <!doctype html>
                <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>task log {{uuid}}</title>
                <style>body{background:#111;color:#ddd;font:13px monospace;margin:8px}</style></head>
                <body><div id="log"></div><script>
                const log = document.getElementById('log');
                const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/job/slave/{{slave}}/ws?uuid={{uuid}}');
                ws.onmessage = e => { log.insertAdjacentHTML('beforeend', e.data); window.scrollTo(0, document.body.scrollHeight); };
                ws.onclose = () => log.insertAdjacentHTML('beforeend', '<br>[connection closed]');
                </script></body></html>
                """,
                "text/html; charset=utf-8")
            : Reply.Fail("slave or uuid format error");

    private static async Task WatchForCloseAsync(WebSocket socket)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
            }
        }
        catch (WebSocketException)
        {
            // The client went away without a close frame.
        }
    }

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    [GeneratedRegex("^[A-Za-z0-9]{12}$")]
    private static partial Regex Uuid12();

    [GeneratedRegex("^[0-9a-z.-]{1,64}$")]
    private static partial Regex SlaveName();

    [GeneratedRegex("^[A-Za-z0-9]{12}([A-Za-z0-9]{12}(cmd|scp|approval))?$")]
    private static partial Regex LogId();
}
