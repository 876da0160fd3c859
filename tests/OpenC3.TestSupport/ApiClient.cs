using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace OpenC3.TestSupport;

/// <summary>An HTTP client for the product's API, logged in as an app caller or (after <see cref="LoginAsync"/>) with a session cookie, as a browser.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly Uri baseUri;
    private readonly CookieContainer cookies = new();
    private readonly HttpClient http;

    /// <param name="localAddress">The loopback address to connect from (e.g. 127.0.0.2), so the product sees another client address.</param>
    public ApiClient(string baseUrl, string? appName = null, string? appKey = null, IPAddress? localAddress = null)
    {
        baseUri = new Uri(baseUrl);
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            ConnectCallback = localAddress is null ? null : (context, cancellationToken) => ConnectFromAsync(localAddress, context.DnsEndPoint, cancellationToken),
        };
        http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        if (appName is not null && appKey is not null)
        {
            http.DefaultRequestHeaders.Add("appname", appName);
            http.DefaultRequestHeaders.Add("appkey", appKey);
        }
    }

    public HttpClient Http => http;

    /// <summary>The session cookie the built-in login set, if any.</summary>
    public string? SessionId => cookies.GetCookies(baseUri).FirstOrDefault(c => c.Name == "sid")?.Value;

    public void UseSession(string sessionId) => cookies.Add(baseUri, new Cookie("sid", sessionId, "/"));

    public async Task<JsonElement> GetAsync(string path) => await ReadAsync(await http.GetAsync(path));

    public async Task<JsonElement> PostAsync(string path, object body) => await ReadAsync(await http.PostAsJsonAsync(path, body));

    public async Task<JsonElement> DeleteAsync(string path, object body) =>
        await ReadAsync(await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = JsonContent.Create(body) }));

    /// <summary>Logs in through the built-in connector, keeping the `sid` cookie for later calls.</summary>
    public Task<JsonElement> LoginAsync(string user, string password) =>
        PostAsync("/api/connector/default/user/login", new { user, pass = password });

    public void Dispose() => http.Dispose();

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress localAddress, DnsEndPoint server, CancellationToken cancellationToken)
    {
        var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(localAddress, 0));
            await socket.ConnectAsync(server, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode} with a body that is not JSON: {text}");
        }
    }
}
