namespace OpenC3.Grains.Connector;

/// <summary>`SmsWebhook:*` — the SMS exit: one HTTP request per message. Without a <see cref="Url"/> short messages stay in the built-in inbox.</summary>
public sealed class SmsWebhookOptions
{
    public const string Section = "SmsWebhook";

    /// <summary>`http(s)://…`; `${phone}` and `${mesg}` in it are URL-encoded.</summary>
    public string Url { get; set; } = string.Empty;

    public string Method { get; set; } = "POST";

    /// <summary>Also decides how `${phone}`/`${mesg}` are escaped in <see cref="Body"/>: JSON string, form-encoded, or as they are.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>Request body (none for GET); `${phone}` and `${mesg}` are filled in.</summary>
    public string Body { get; set; } = """{"phone":"${phone}","mesg":"${mesg}"}""";

    /// <summary>Extra request headers, e.g. an API key; never logged.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsConfigured => Url.Length > 0;

    public void Validate()
    {
        if (IsConfigured && (!Uri.TryCreate(Url.Replace("${", "x", StringComparison.Ordinal).Replace("}", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException("SmsWebhook:Url must be an absolute http(s) URL.");
        }

        if (IsConfigured && Timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("SmsWebhook:Timeout must be positive.");
        }
    }
}
