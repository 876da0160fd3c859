using System.Text.Json;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>`/openapi/v1.json` from the running product covers the API document's routes; `/docs` shows it without the internet.</summary>
[Collection(SharedProducts.SqliteApi)]
public sealed class OpenApiDocumentTests(EmbeddedProduct product)
{
    [Fact]
    public async Task EverySpecRoute_IsInTheDocument()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => new DocumentedPath(p.Name, p.Value)).ToList();
        var spec = SpecRoutes.Read();
        Assert.True(spec.Count > 120, $"the API document should list well over 120 routes, parsed {spec.Count}");

        var missing = spec.Where(route => !paths.Any(p => p.Serves(route.Method, route.Path))).Select(route => $"{route.Method} {route.Path}").ToList();
        Assert.True(missing.Count == 0, "spec routes missing from /openapi/v1.json:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task Document_HasTheEnvelopeSchema_PathParameters_AndEnumerations()
    {
        var document = await DocumentAsync();
        var envelope = document.GetProperty("components").GetProperty("schemas").GetProperty("Envelope");
        Assert.Equal(["stat", "data", "info", "code"], envelope.GetProperty("properties").EnumerateObject().Select(p => p.Name));

        var paths = document.GetProperty("paths");
        var analysis = paths.GetProperty("/api/job/task/{treeid}/analysis/{kind}").GetProperty("get");
        var kind = analysis.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "kind");
        Assert.Equal(["last", "date", "hour", "runtime", "statistics"], kind.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("#/components/schemas/Envelope", analysis.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());

        // A handler that reads the request itself still shows its path parameter, and its body fields with their enumerations.
        var control = paths.GetProperty("/api/job/subtask/{treeid}").GetProperty("post");
        Assert.Contains(control.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "treeid" && p.GetProperty("in").GetString() == "path");
        var body = control.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("properties");
        Assert.Equal(["next", "fail", "running", "ignore"], body.GetProperty("control").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("array", body.GetProperty("hosts").GetProperty("type").GetString());
        Assert.Contains("q", paths.GetProperty("/api/job/subtask/{treeid}/{taskuuid}/{subtaskuuid}/groups").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(paths.GetProperty("/api/job/subtask/{treeid}/{taskuuid}/{subtaskuuid}/output/{host}").TryGetProperty("get", out _));
        var check = paths.GetProperty("/api/agent/check/{treeid}").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("properties");
        Assert.Equal(["on", "off"], check.GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Start job by name", paths.GetProperty("/api/job/task/{treeid}/job/byname").GetProperty("post").GetProperty("summary").GetString());
        Assert.Equal("job: task", paths.GetProperty("/api/job/task/{treeid}/job/byname").GetProperty("post").GetProperty("tags")[0].GetString());
    }

    [Fact]
    public async Task Document_NamesTheAddressItWasAskedAt_AndNoOtherDocumentExists()
    {
        var document = await DocumentAsync();
        Assert.Equal(product.BaseUrl + "/", document.GetProperty("servers")[0].GetProperty("url").GetString());

        using var anonymous = product.Anonymous();
        var other = await anonymous.Http.GetAsync("/openapi/v2.json");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, other.StatusCode);
        Assert.Contains("'v1'", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocsPage_LoadsItsScriptsFromTheProduct_NotFromTheInternet()
    {
        using var anonymous = product.Anonymous();
        var page = await anonymous.Http.GetStringAsync("/docs/");
        Assert.Contains("scalar.js", page, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", page, StringComparison.Ordinal);
        var script = await anonymous.Http.GetAsync("/docs/scalar.js");
        Assert.True(script.IsSuccessStatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var anonymous = product.Anonymous();
        return JsonDocument.Parse(await anonymous.Http.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
    }

    /// <summary>A path of the document, matched the way the router matches: literals, parameters, or a parameter whose enumeration holds the literal.</summary>
    private sealed class DocumentedPath(string template, JsonElement item)
    {
        private readonly string[] segments = template.Split('/');

        public bool Serves(string method, string path)
        {
            var wanted = path.Split('/');
            if (wanted.Length != segments.Length || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                return false;
            }

            return segments.Zip(wanted).All(pair => Matches(pair.First, pair.Second, operation));
        }

        private static bool Matches(string mine, string theirs, JsonElement operation)
        {
            if (!IsParameter(mine))
            {
                return mine == theirs;
            }

            return IsParameter(theirs) || Enumeration(operation, mine[1..^1]).Contains(theirs);
        }

        private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

        private static IEnumerable<string?> Enumeration(JsonElement operation, string name) =>
            operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray()
                    .Where(p => p.GetProperty("name").GetString() == name && p.GetProperty("schema").TryGetProperty("enum", out _))
                    .SelectMany(p => p.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()))
                : [];
    }
}
