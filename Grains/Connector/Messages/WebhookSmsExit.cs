using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Connector;

/// <summary>
/// Short messages through an HTTP webhook (an SMS gateway): the configured request with the phone
/// number and text filled in; any 2xx answer is a delivery. An address that is not a phone number
/// (a user without an address-book phone) and every mail go on to <paramref name="next"/>.
/// </summary>
public sealed partial class WebhookSmsExit(SmsWebhookOptions options, IMessageExit next) : IMessageExit, IDisposable
{
    private readonly HttpClient http = new() { Timeout = options.Timeout };

    public Task<string?> SendMailAsync(string address, string title, string content) => next.SendMailAsync(address, title, content);

    public async Task<string?> SendMesgAsync(string address, string mesg)
    {
        if (!PhonePattern().IsMatch(address))
        {
            return await next.SendMesgAsync(address, mesg);
        }

        var method = new HttpMethod(options.Method.ToUpperInvariant());
        using var request = new HttpRequestMessage(method, Fill(options.Url, address, mesg, Uri.EscapeDataString));
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            request.Content = new StringContent(Fill(options.Body, address, mesg, BodyEscape()), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(options.ContentType);
        }

        foreach (var (name, value) in options.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode ? null : $"sms webhook answered HTTP {(int)response.StatusCode}";
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return $"sms webhook: {error.Message}";
        }
    }

    public void Dispose() => http.Dispose();

    private static string Fill(string template, string phone, string mesg, Func<string, string> escape) =>
        template.Replace("${phone}", escape(phone), StringComparison.Ordinal).Replace("${mesg}", escape(mesg), StringComparison.Ordinal);

    private Func<string, string> BodyEscape() =>
        options.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase) ? v => JsonEncodedText.Encode(v, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()
        : options.ContentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? Uri.EscapeDataString
        : v => v;

    [GeneratedRegex(@"^\+?[0-9][0-9 -]{2,30}$")]
    private static partial Regex PhonePattern();
}
