using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace OpenC3.TestSupport;

/// <summary>One route's plain answer: how it answered and how long it took.</summary>
public sealed record RouteAnswer(string Route, int Status, string Body, TimeSpan Elapsed)
{
    public override string ToString() => $"{Route} → HTTP {Status} after {Elapsed.TotalSeconds:0.0} s: {(Body.Length > 300 ? Body[..300] : Body)}";
}

/// <summary>
/// One plain request to every operation of the product's OpenAPI document (path parameters from
/// a function of their name, an empty JSON object as the body), to see how each route answers a fault of the deployment.
/// </summary>
public static class RouteSweep
{
    private static readonly string[] Methods = ["get", "post", "put", "delete"];

    /// <summary>The product's OpenAPI document, read while it can still be read.</summary>
    public static async Task<JsonElement> DocumentAsync(ApiClient client) =>
        JsonDocument.Parse(await client.Http.GetStringAsync("/openapi/v1.json")).RootElement.Clone();

    public static async Task<List<RouteAnswer>> SendAsync(ApiClient client, JsonElement document, Func<string, string> pathValue)
    {
        var answers = new List<RouteAnswer>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods.Where(m => path.Value.TryGetProperty(m, out _)))
            {
                var url = path.Name;
                foreach (var name in ParameterNames(path.Name))
                {
                    url = url.Replace($"{{{name}}}", Uri.EscapeDataString(pathValue(name)), StringComparison.Ordinal);
                }

                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                if (method != "get")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var clock = Stopwatch.StartNew();
                using var response = await client.Http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                answers.Add(new RouteAnswer($"{method.ToUpperInvariant()} {path.Name}", (int)response.StatusCode, body, clock.Elapsed));
            }
        }

        return answers;
    }

    private static IEnumerable<string> ParameterNames(string template) =>
        template.Split('{').Skip(1).Select(part => part[..part.IndexOf('}', StringComparison.Ordinal)]);
}
