namespace OpenC3.Api.Docs;

/// <summary>The module routes that answer something other than the envelope on success, as upstream.</summary>
public static class NonEnvelopeReplies
{
    private static readonly Dictionary<string, string> Replies = new(StringComparer.Ordinal)
    {
        ["/api/job/release"] = "bare `true` or `false` (application/json): no available crontab on those tree nodes",
        ["/api/connector/release"] = "bare `true` or `false`, the job module's answer",
        ["/api/job/slave/{slave}/ws"] = "websocket: text frames of the log as HTML (stored log first, then new lines)",
        ["/api/job/slave/{slave}/tasklog/{uuid}"] = "HTML page that tails the log through the websocket",
        ["/api/job/fileserver/{treeid}/download"] = "the file itself (application/octet-stream), or the envelope when refused",
        ["/api/connector/connectorx/sso/loginredirect"] = "HTTP redirect to the login page",
        ["/api/connector/connectorx/sso/chpasswdredirect"] = "HTTP redirect to the change-password page",
        ["/api/connector/connectorx/sso/userinfo"] = "`{user, company, admin, showconnector}` without the envelope, or the envelope with code 10000",
    };

    public static string? Describe(string path) => Replies.GetValueOrDefault(path);
}
