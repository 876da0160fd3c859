using System.Net;
using System.Text;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Approvals;

namespace OpenC3.Api.Job;

/// <summary>
/// `/approval/fast/:uuid`: the page an approver opens from a message on their phone. GET shows the
/// request and, while it waits for this approver, agree/refuse buttons; the buttons POST the opinion
/// to the same address. A GET never decides (mail scanners and chat previews fetch links), unlike
/// upstream's `?opinion=`. Every value is HTML-escaped; the page runs no script.
/// </summary>
public static class ApprovalPage
{
    private const string SecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static RouteGroupBuilder MapApprovalPage(this RouteGroupBuilder open)
    {
        open.MapGet(ApprovalFastPage.Route + "{uuid}", Show).NoLogin("the phone page: the approval uuid is the capability");
        open.MapPost(ApprovalFastPage.Route + "{uuid}", Decide).NoLogin("the phone page: the approval uuid is the capability");
        return open;
    }

    private static Task<IResult> Show(string uuid, HttpContext context, IGrainFactory grains, ApprovalGuessLimiter limiter) =>
        RenderAsync(uuid, context, grains, limiter, opinion: null);

    private static async Task<IResult> Decide(string uuid, HttpContext context, IGrainFactory grains, ApprovalGuessLimiter limiter)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        return await RenderAsync(uuid, context, grains, limiter, input.Text("opinion") ?? string.Empty);
    }

    /// <param name="opinion">Null to only show the page; otherwise the opinion the form posted.</param>
    private static async Task<IResult> RenderAsync(string uuid, HttpContext context, IGrainFactory grains, ApprovalGuessLimiter limiter, string? opinion)
    {
        if (limiter.IsBlocked(context))
        {
            return Page(StatusCodes.Status429TooManyRequests, "OPEN-C3 approval", Notice(ApprovalDecisions.TooManyGuesses));
        }

        var row = await ApprovalDecisions.FindGuardedAsync(context, grains, limiter, uuid);
        if (row is null)
        {
            return Page(StatusCodes.Status404NotFound, "OPEN-C3 approval", Notice("This approval does not exist."));
        }

        var notice = string.Empty;
        if (opinion is not null)
        {
            var error = ApprovalDecisions.Opinions.Contains(opinion, StringComparer.Ordinal)
                ? await ApprovalDecisions.DecideAsync(grains, row, opinion, Caller.ForUser(row.User), null, $"page {ApprovalApi.ClientAddress(context)}")
                : "opinion need in agree,refuse";
            notice = Notice(error ?? $"Recorded: {opinion}.");
            row = await grains.GetGrain<IApprovalQueryGrain>(0).Find(row.Uuid) ?? row;
        }

        var batch = await grains.GetGrain<IApprovalGrain>(row.TaskUuid).Get();
        var rows = await grains.GetGrain<IApprovalQueryGrain>(0).Batch(row.TaskUuid);
        return Page(StatusCodes.Status200OK, row.Name, notice + Body(row, batch, rows));
    }

    private static string Body(ApprovalRow row, ApprovalBatchView? batch, IReadOnlyList<ApprovalRow> rows)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(row.Name)).Append("</h1>");
        html.Append("<p class=\"meta\">Submitted by <b>").Append(E(row.Submitter)).Append("</b> at ").Append(E(row.CreateTime))
            .Append(". Asked of <b>").Append(E(row.User)).Append("</b>").Append(row.Everyone == "YES" ? ", every approver must agree." : ", one approver is enough.").Append("</p>");
        html.Append("<pre class=\"cont\">").Append(E(row.Cont)).Append("</pre><table><tr><th>Approver</th><th>Opinion</th></tr>");
        foreach (var other in rows)
        {
            html.Append("<tr><td>").Append(E(other.User)).Append("</td><td class=\"").Append(E(other.Opinion)).Append("\">").Append(E(other.Opinion)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (row.Opinion != "unconfirmed")
        {
            html.Append("<p class=\"state\">Your opinion: <b>").Append(E(row.Opinion)).Append("</b>").Append(row.FinishTime is { } at ? $" ({E(at)})" : string.Empty).Append("</p>");
        }
        else if (batch?.Status != "waiting")
        {
            html.Append("<p class=\"state\">This approval is closed").Append(batch?.Reason is { } reason ? $": {E(reason)}" : string.Empty).Append(".</p>");
        }
        else
        {
            html.Append("<form method=\"post\"><button type=\"submit\" name=\"opinion\" value=\"agree\" class=\"agree\">Agree 同意</button>")
                .Append("<button type=\"submit\" name=\"opinion\" value=\"refuse\" class=\"refuse\">Refuse 拒绝</button></form>");
        }

        return html.ToString();
    }

    private static string Notice(string text) => $"<p class=\"notice\">{E(text)}</p>";

    private static IResult Page(int status, string title, string body) => new HtmlPage(status, title, body);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The page with headers that keep the uuid in its address from leaking (no referrer, no caching) and forbid scripts and framing.</summary>
    private sealed class HtmlPage(int status, string title, string body) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.ContentSecurityPolicy = SecurityPolicy;
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.CacheControl = "no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            return response.WriteAsync(
                $$"""
                <!doctype html>
                <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{E(title)}}</title>
                <style>
                body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:16px;color:#222;background:#f6f7f9}
                main{max-width:640px;margin:0 auto;background:#fff;padding:16px;border-radius:8px}
                h1{font-size:1.3em;margin:0 0 8px}.meta{color:#555;font-size:.9em}
                pre.cont{white-space:pre-wrap;word-break:break-word;background:#f0f2f5;padding:12px;border-radius:6px;font:inherit}
                table{width:100%;border-collapse:collapse;margin:12px 0}td,th{text-align:left;padding:6px;border-bottom:1px solid #e3e5e8}
                td.agree{color:#1a7f37}td.refuse{color:#cf222e}
                form{display:flex;gap:12px;margin-top:16px}
                button{flex:1;font-size:1.1em;padding:14px;border:0;border-radius:8px;color:#fff}
                button.agree{background:#1a7f37}button.refuse{background:#cf222e}
                .notice{background:#fff8c5;padding:10px;border-radius:6px}.state{font-size:1.05em}
                </style></head>
                <body><main>{{body}}</main></body></html>
                """);
        }
    }
}
