using System.Net.Http.Json;
using System.Text.Json;

namespace OpenC3.Cli;

/// <summary>
/// The public API as a caller: the session's `sid` cookie, or an application's `appname`/`appkey`
/// from `C3_APPNAME`/`C3_APPKEY`. Replies are upstream's envelope.
/// </summary>
public sealed class ApiConnection : IDisposable
{
    private readonly HttpClient http;

    private ApiConnection(Uri baseUrl, string? sid)
    {
        BaseUrl = baseUrl;
        var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(100) };
        foreach (var (name, value) in Credentials(sid))
        {
            http.DefaultRequestHeaders.Add(name, value);
        }

        Sid = sid;
    }

    public Uri BaseUrl { get; }

    public string? Sid { get; }

    public HttpClient Http => http;

    /// <summary>Without a session or app credentials the server answers `code:10000`; say so before calling.</summary>
    public bool HasCredentials => Sid is not null || AppCredentials() is not null;

    /// <summary>To <paramref name="url"/> (else the session's site) as the session's user (if any).</summary>
    public static ApiConnection Open(string? url)
    {
        var session = Session.Load();
        var site = url ?? session?.Url ?? throw new UsageException("no --url and no session: run `c3 login --url URL --user NAME` first");
        var sid = session is not null && SameSite(session.Url, site) ? session.Sid : null;
        return new ApiConnection(ParseUrl(site), sid);
    }

    public static Uri ParseUrl(string url) =>
        Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--url must be an http(s) address, not '{url}'");

    /// <summary>Headers for a websocket to the same site as this connection.</summary>
    public IEnumerable<(string Name, string Value)> Credentials() => Credentials(Sid);

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken = default) =>
        await ReadAsync(await http.GetAsync(path, cancellationToken), cancellationToken);

    public async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken = default) =>
        await ReadAsync(await http.PostAsJsonAsync(path, body, cancellationToken), cancellationToken);

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ApiException($"HTTP {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: not JSON");
        }
    }

    public void Dispose() => http.Dispose();

    private static IEnumerable<(string Name, string Value)> Credentials(string? sid)
    {
        if (AppCredentials() is { } app)
        {
            yield return ("appname", app.Name);
            yield return ("appkey", app.Key);
        }
        else if (sid is not null)
        {
            yield return ("Cookie", $"sid={sid}");
        }
    }

    private static (string Name, string Key)? AppCredentials() =>
        Environment.GetEnvironmentVariable("C3_APPNAME") is { Length: > 0 } name && Environment.GetEnvironmentVariable("C3_APPKEY") is { Length: > 0 } key
            ? (name, key)
            : null;

    private static bool SameSite(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y) &&
        Uri.Compare(x, y, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
