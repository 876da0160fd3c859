namespace OpenC3.Api.Docs;

/// <summary>The module routes that answer something other than the envelope on success, as upstream.</summary>
public static class NonEnvelopeReplies
{
    private static readonly Dictionary<string, string> Replies = new(StringComparer.Ordinal)
    {
        ["/api/job/release"] = "bare `true` or `false` (text/plain, as the web UI compares it with 'true'): no available crontab on those tree nodes",
        ["/api/connector/release"] = "bare `true` or `false` (text/plain), the job module's answer",
        ["/api/job/slave/{slave}/ws"] = "websocket: text frames of the log as HTML (stored log first, then new lines)",
        ["/api/job/slave/{slave}/tasklog/{uuid}"] = "HTML page that tails the log through the websocket",
        ["/api/job/cmd/{treeid}"] = "HTML page of the web terminal (xterm.js from /console/), or the envelope when refused",
        ["/api/job/cmd/{treeid}/ws"] = "websocket of the web terminal: `i` + keystrokes and `r` + `columns,rows` in, terminal output as text frames out",
        ["/api/job/fileserver/{treeid}/download"] = "with `Accept: application/octet-stream` the file itself, else the envelope with a link name for /api/job/download/{link}",
        ["/api/job/download/{link}"] = "the file itself, or the envelope when the link is unknown or expired",
        ["/api/connector/connectorx/sso/loginredirect"] = "HTTP redirect to the login page",
        ["/api/connector/connectorx/sso/chpasswdredirect"] = "HTTP redirect to the change-password page",
        ["/api/connector/connectorx/sso/userinfo"] = "`{name, email, company, admin, showconnector, menu}` without the envelope, or the envelope with code 10000",
    };

    public static string? Describe(string path) => Replies.GetValueOrDefault(path);
}
