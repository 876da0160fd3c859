using System.Net.Http.Json;
using System.Text.Json;

namespace OpenC3.TestSupport;

/// <summary>An HTTP client for the product's API that logs in as an app caller, as a script would.</summary>
public sealed class ApiClient(string baseUrl, string? appName = null, string? appKey = null) : IDisposable
{
    private readonly HttpClient http = Create(baseUrl, appName, appKey);

    public HttpClient Http => http;

    public async Task<JsonElement> GetAsync(string path) => await ReadAsync(await http.GetAsync(path));

    public async Task<JsonElement> PostAsync(string path, object body) => await ReadAsync(await http.PostAsJsonAsync(path, body));

    public async Task<JsonElement> DeleteAsync(string path, object body) =>
        await ReadAsync(await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = JsonContent.Create(body) }));

    public void Dispose() => http.Dispose();

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

    private static HttpClient Create(string baseUrl, string? appName, string? appKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        if (appName is not null && appKey is not null)
        {
            client.DefaultRequestHeaders.Add("appname", appName);
            client.DefaultRequestHeaders.Add("appkey", appKey);
        }

        return client;
    }
}
