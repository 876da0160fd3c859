using System.Diagnostics;
using System.Net;
using System.Text.Json;
using OpenC3.TestSupport;
using Xunit.Abstractions;

namespace OpenC3.IntegrationTests.Reliability;

/// <summary>
/// Every route and documented field of `/openapi/v1.json`, fed hostile input by the admin app caller on a
/// tree node without hosts (so nothing executes). Each request is refused (`stat:false` or a 4xx) and then
/// wrote no row, or accepted and its hostile text reads back verbatim; none answers 500 or hangs.
/// </summary>
[StartEarly]
public abstract class HostileInputCorpus(EmbeddedProduct product, ITestOutputHelper output)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    protected EmbeddedProduct Product => product;

    /// <summary>Row counts of the product's tables, read while it runs.</summary>
    protected abstract ITableCounts OpenCounts();

    [Fact]
    public async Task EveryRouteAndField_RefusesOrStoresVerbatim_NeverFails_AndRefusalsWriteNothing()
    {
        using var app = product.App();
        app.Http.Timeout = RequestTimeout;
        var target = await TargetAsync(app);
        var document = JsonDocument.Parse(await app.Http.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        var corpus = new CorpusGenerator(document, target).Generate();
        using var counts = OpenCounts();
        var findings = new List<string>();
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        foreach (var request in corpus)
        {
            var outcome = await SendAsync(app, counts, request);
            var kind = outcome.Kind;
            tally[kind] = tally.GetValueOrDefault(kind) + 1;
            if (outcome.Finding is { } finding)
            {
                findings.Add($"{finding}: {request}");
            }
        }

        var figures = $"{corpus.Count} requests over {corpus.Select(r => r.Route).Distinct().Count()} operations in {clock.Elapsed.TotalSeconds:0} s: " +
            string.Join(", ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}"));
        output.WriteLine(figures);
        findings.ForEach(output.WriteLine);
        Assert.True(findings.Count == 0, $"{findings.Count} findings ({figures}):\n{string.Join('\n', findings.Take(80))}");
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/readyz")).StatusCode);
    }

    private static async Task<CorpusTarget> TargetAsync(ApiClient app)
    {
        var node = (await app.PostAsync("/api/connector/default/tree", new { name = "corpus" })).Data().GetInt64();
        const string jobName = "corpusjob";
        var step = new Dictionary<string, object?>
        {
            ["plugin_type"] = "cmd", ["name"] = "s", ["user"] = "root", ["node_type"] = "builtin", ["node_cont"] = "10.255.255.1",
            ["scripts_type"] = "shell", ["scripts_cont"] = "true", ["timeout"] = "10",
        };
        var job = await app.PostAsync($"{J}/jobs/{node}", new { name = jobName, permanent = 1, data = new[] { step } });
        Assert.True(job.Stat(), job.ToString());
        return new CorpusTarget(node, job.GetProperty("uuid").GetString()!, jobName);
    }

    private sealed record Outcome(string Kind, string? Finding = null);

    private static async Task<Outcome> SendAsync(ApiClient app, ITableCounts counts, CorpusRequest request)
    {
        var before = counts.Read();
        HttpResponseMessage response;
        string text;
        try
        {
            using var message = request.ToMessage();
            response = await app.Http.SendAsync(message);
            text = await response.Content.ReadAsStringAsync();
        }
        catch (TaskCanceledException)
        {
            return new Outcome("hang", $"no answer within {RequestTimeout.TotalSeconds:0} s");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return new Outcome("5xx", $"HTTP {status} {Shorten(text)}");
            }

            var refused = status >= 400 || IsRefusal(text);
            if (refused)
            {
                var difference = TableCounts.Difference(before, counts.Read());
                return difference.Length == 0 ? new Outcome("refused") : new Outcome("refused", $"refused ({Shorten(text)}) but wrote {difference}");
            }

            if (request.MustRefuse is { } rule)
            {
                return new Outcome("accepted", $"accepted ({Shorten(text)}) though {rule}");
            }

            if (request.Value is not { } value || request.ReadBackPath is not { } readBack)
            {
                return new Outcome("accepted");
            }

            if (await StoredAsync(app, readBack) is not { } stored)
            {
                return new Outcome("accepted");
            }

            return Texts(stored).Any(t => t.Contains(value, StringComparison.Ordinal))
                ? new Outcome("accepted, read back")
                : new Outcome("accepted", $"accepted ({Shorten(text)}) but {request.Field} does not read back verbatim from {readBack}");
        }
    }

    /// <summary>What the read-back route shows, when it answers the envelope (not a redirect, page or file).</summary>
    private static async Task<JsonElement?> StoredAsync(ApiClient app, string path)
    {
        using var response = await app.Http.GetAsync(path);
        return Parse(await response.Content.ReadAsStringAsync()) is { ValueKind: JsonValueKind.Object } reply && reply.TryGetProperty("stat", out _) ? reply : null;
    }

    private static JsonElement? Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsRefusal(string text)
    {
        return Parse(text) is { ValueKind: JsonValueKind.Object } reply && reply.TryGetProperty("stat", out var stat) && stat.ValueKind == JsonValueKind.False;
    }

    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Texts(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        JsonValueKind.String => [element.GetString()!],
        _ => [element.GetRawText()],
    };

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

/// <summary>The corpus on the embedded profile: all of it, counting rows in the SQLite file.</summary>
public sealed class HostileInputCorpusTests(EmbeddedProduct product, ITestOutputHelper output) : HostileInputCorpus(product, output), IClassFixture<EmbeddedProduct>
{
    protected override ITableCounts OpenCounts() => new RowCounts(Product.DatabaseFile);
}

/// <summary>The whole corpus on the cluster profile's storage (MariaDB, which holds text to its column lengths), counting rows there.</summary>
public sealed class MariaDbHostileInputCorpusTests(MariaDbEmbeddedProduct product, ITestOutputHelper output) : HostileInputCorpus(product, output), IClassFixture<MariaDbEmbeddedProduct>
{
    protected override ITableCounts OpenCounts() => new MariaDbRowCounts(Product.Settings["Storage:ConnectionString"]);
}
